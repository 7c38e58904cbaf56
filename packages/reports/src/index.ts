export * from './charts.ts';
export * from './csv.ts';
export * from './dataset.ts';
export * from './pdf.ts';
export * from './xlsx.ts';
