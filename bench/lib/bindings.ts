// The watched folders the benchmark binds: four administrations of the emulator's seed, one per
// destination, so both upload mutations (invoice and archive) are exercised.
import path from 'node:path';
import type { Destination } from '../../src-main/contract/domain.ts';
import { seedData } from '../../test/emulator/index.ts';

export interface BenchBinding {
  path: string;
  companyNumber: string;
  destination: Destination;
}

function administration(index: number) {
  const found = seedData.administrations[index];
  if (found === undefined) throw new Error(`the emulator seed has no administration ${index}`);
  return found;
}

function firstCategory(index: number, archive: 'various' | 'permanent'): string {
  const category = administration(index).categories[archive][0];
  if (category === undefined) throw new Error(`administration ${index} has no ${archive} category`);
  return category.id;
}

export function fourBindings(root: string): BenchBinding[] {
  return [
    { name: 'purchase', destination: { type: 'purchase' } as Destination },
    { name: 'sale', destination: { type: 'sale' } as Destination },
    {
      name: 'various',
      destination: { type: 'various', categoryId: firstCategory(2, 'various') } as Destination,
    },
    {
      name: 'permanent',
      destination: { type: 'permanent', categoryId: firstCategory(3, 'permanent') } as Destination,
    },
  ].map(({ name, destination }, index) => ({
    path: path.join(root, name),
    companyNumber: administration(index).companyNumber,
    destination,
  }));
}

/** `count` folders all bound to the first administration's purchase tray. */
export function manyPurchaseBindings(root: string, count: number): BenchBinding[] {
  return Array.from({ length: count }, (_, index) => ({
    path: path.join(root, `folder-${String(index).padStart(3, '0')}`),
    companyNumber: administration(0).companyNumber,
    destination: { type: 'purchase' },
  }));
}
