import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import path from 'node:path';
import { contentKinds, type ContentKind } from './lib/content/content-kinds.ts';
import { withoutLogs } from './lib/content/case-logs.ts';
import { contentRoot } from './lib/content/content-paths.ts';
import { leanGlobLoader } from './lib/content/lean-glob-loader.ts';
import { caseSchema } from './schemas/case.ts';
import { checklistSchema } from './schemas/checklist.ts';
import { symptomSchema } from './schemas/symptom.ts';
import { toolSchema } from './schemas/tool.ts';

// The folder comes from OOPSBOOK_CONTENT, so a team can build its own cases.
const folder = (kind: ContentKind) => path.join(contentRoot(), contentKinds[kind].folder);
const loader = (kind: ContentKind) => glob({ pattern: '*.md', base: folder(kind) });

export const collections = {
  // Stack logs stay out of the content store (see lib/content/case-logs.ts); loadSite() reads them.
  cases: defineCollection({
    loader: leanGlobLoader(glob({ pattern: '*.md', base: folder('cases'), retainBody: false })),
    schema: caseSchema.transform(withoutLogs),
  }),
  symptoms: defineCollection({ loader: loader('symptoms'), schema: symptomSchema }),
  tools: defineCollection({ loader: loader('tools'), schema: toolSchema }),
  checklists: defineCollection({ loader: loader('checklists'), schema: checklistSchema }),
};
