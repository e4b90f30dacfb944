import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import path from 'node:path';
import { contentKinds } from './lib/content/content-kinds.ts';
import { contentRoot } from './lib/content/content-paths.ts';

const root = contentRoot();

const collection = (kind: keyof typeof contentKinds) =>
  defineCollection({
    loader: glob({ pattern: '*.md', base: path.join(root, contentKinds[kind].folder) }),
    schema: contentKinds[kind].schema,
  });

export const collections = {
  cases: collection('cases'),
  symptoms: collection('symptoms'),
  tools: collection('tools'),
  checklists: collection('checklists'),
};
