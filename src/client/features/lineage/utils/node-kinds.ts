import { Activity, Box, Database, FlaskConical, GitCommitHorizontal, Package, Rocket, Tag, type LucideIcon } from 'lucide-react';
import type { LineageKind } from '../../../../shared/contract/lineage';

/** How each kind looks: icon, name, and a distinct shape (so kinds differ without colour too). */
export const nodeKinds: Record<LineageKind, { icon: LucideIcon; name: string; plural: string; shape: string; accent: string }> = {
  dataset: { icon: Database, name: 'Dataset', plural: 'datasets', shape: 'rounded-[1.25rem]', accent: 'border-l-sky-500' },
  commit: { icon: GitCommitHorizontal, name: 'Git commit', plural: 'commits', shape: 'rounded-none', accent: 'border-l-slate-500' },
  run: { icon: FlaskConical, name: 'Run', plural: 'runs', shape: 'rounded-md', accent: 'border-l-violet-500' },
  'logged-model': { icon: Package, name: 'Logged model', plural: 'logged models', shape: 'rounded-md border-dashed', accent: 'border-l-amber-500' },
  model: { icon: Box, name: 'Registered model', plural: 'models', shape: 'rounded-sm border-double border-4', accent: 'border-l-emerald-600' },
  'model-version': { icon: Tag, name: 'Model version', plural: 'model versions', shape: 'rounded-sm', accent: 'border-l-emerald-500' },
  deployment: { icon: Rocket, name: 'Deployment', plural: 'deployments', shape: 'rounded-full', accent: 'border-l-rose-500' },
  monitoring: { icon: Activity, name: 'Monitoring', plural: 'monitors', shape: 'rounded-full border-dotted', accent: 'border-l-teal-500' },
};

/** Upstream first: the order of the list view's sections. */
export const kindOrder: LineageKind[] = ['dataset', 'commit', 'run', 'logged-model', 'model', 'model-version', 'deployment', 'monitoring'];
