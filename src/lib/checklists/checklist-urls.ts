/** The site paths of a checklist's exports. */
export interface ChecklistPaths {
  page: string;
  markdown: string;
  json: string;
  embed: string;
}

/** Where each export of a checklist lives, relative to the site root. */
export function checklistPaths(id: string): ChecklistPaths {
  return {
    page: `/checklists/${id}/`,
    markdown: `/checklists/${id}.md`,
    json: `/checklists/${id}.json`,
    embed: `/embed/checklists/${id}/`,
  };
}

/** The JSON Schema every `/checklists/<id>.json` follows. */
export const CHECKLIST_SCHEMA_PATH = '/checklists/checklist.schema.json';
