import { parse } from 'yaml';
import { z } from 'zod';

/** A path into a parsed file as people write it: rules[2].types, types.accident.high[0]. */
function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/**
 * A YAML file read against its schema: the validated value, or an error that names the file, the place in it and
 * what is wrong (`data/extract/risks.yaml: types.accident.high[2]: not a valid regular expression: …`).
 */
export function parseYaml<Schema extends z.ZodType>(
  content: string,
  where: string,
  schema: Schema,
): z.output<Schema> {
  let raw: unknown;
  try {
    raw = parse(content);
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`);
  }
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const at = issue && issue.path.length > 0 ? `${formatPath(issue.path)}: ` : '';
  throw new Error(`${where}: ${at}${issue?.message ?? 'not what was expected'}`);
}

/** A regular expression written as a string, compiled with its flags; a bad one is an issue at its place. */
export function pattern(flags = 'u') {
  return z.string().transform((source, context) => {
    try {
      return new RegExp(source, flags);
    } catch (error) {
      context.addIssue({
        code: 'custom',
        message: `not a valid regular expression: ${(error as Error).message}`,
      });
      return z.NEVER;
    }
  });
}

/** A list of words; numbers written bare in YAML (年份 2025) count as words. */
export const words = z.array(z.union([z.string(), z.number()]).transform(String));
