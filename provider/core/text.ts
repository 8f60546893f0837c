/**
 * Text rules for values that land in line-based files (answer files, kickstarts, ifcfg files, authorized_keys):
 * every line separator any reader may split on is refused, not only \r and \n.
 */

/** \n, \r, \v, \f, NEL (U+0085), LINE SEPARATOR (U+2028), PARAGRAPH SEPARATOR (U+2029). */
export const LINE_SEPARATORS = /[\n\r\u000b\u000c\u0085\u2028\u2029]/;

export function hasLineSeparator(s: string): boolean {
  return LINE_SEPARATORS.test(s);
}

export const ONE_LINE_MESSAGE = "must be one line (no \\r, \\n, \\v, \\f, U+0085, U+2028 or U+2029)";

/** VirtualBox unattended template placeholders (@@VBOX_INSERT_...@@): VirtualBox substitutes them anywhere in the kickstart. */
export function hasVBoxPlaceholder(s: string): boolean {
  return s.includes("@@");
}

export const NO_PLACEHOLDER_MESSAGE = 'must not contain "@@" (VirtualBox replaces @@VBOX_...@@ placeholders in the kickstart)';
