// `is_complete`: whether a console front end should run the code or wait for more lines.
import ts from "typescript";

/** The answer to an is_complete request. */
export interface Completeness {
  status: "complete" | "incomplete" | "invalid";
  indent?: string;
}

const OPENERS: Partial<Record<ts.SyntaxKind, ts.SyntaxKind>> = {
  [ts.SyntaxKind.OpenBraceToken]: ts.SyntaxKind.CloseBraceToken,
  [ts.SyntaxKind.OpenParenToken]: ts.SyntaxKind.CloseParenToken,
  [ts.SyntaxKind.OpenBracketToken]: ts.SyntaxKind.CloseBracketToken,
};
const CLOSERS = new Set(Object.values(OPENERS));

// Tokens after which an expression or statement must go on.
const CONTINUING = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.EqualsGreaterThanToken,
  ts.SyntaxKind.CommaToken,
  ts.SyntaxKind.DotToken,
  ts.SyntaxKind.PlusToken,
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionToken,
  ts.SyntaxKind.ColonToken,
]);

/**
 * Decides whether `code` is ready to run.
 *
 * @example
 * ```ts
 * isComplete("function f() {"); // { status: "incomplete", indent: "  " }
 * isComplete("1 + 1");          // { status: "complete" }
 * ```
 */
export function isComplete(code: string): Completeness {
  const text = code
    .split("\n")
    .map((l) => (/^\s*%/.test(l) ? "" : l))
    .join("\n");
  if (text.trim() === "") return { status: "complete" };
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, text);
  const stack: ts.SyntaxKind[] = [];
  let last = ts.SyntaxKind.Unknown;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (scanner.isUnterminated()) return { status: "incomplete", indent: "" };
    if (kind === ts.SyntaxKind.TemplateHead) stack.push(ts.SyntaxKind.TemplateTail);
    else if (kind === ts.SyntaxKind.CloseBraceToken && stack.at(-1) === ts.SyntaxKind.TemplateTail) {
      kind = scanner.reScanTemplateToken(false);
      if (scanner.isUnterminated()) return { status: "incomplete", indent: "" };
      if (kind === ts.SyntaxKind.TemplateTail) stack.pop();
    } else if (OPENERS[kind] !== undefined) stack.push(OPENERS[kind] as ts.SyntaxKind);
    else if (CLOSERS.has(kind)) {
      if (stack.pop() !== kind) return { status: "invalid" };
    }
    if (kind !== ts.SyntaxKind.WhitespaceTrivia && kind !== ts.SyntaxKind.NewLineTrivia) last = kind;
  }
  if (stack.length) return { status: "incomplete", indent: "  ".repeat(stack.length) };
  if (CONTINUING.has(last)) return { status: "incomplete", indent: "  " };
  const out = ts.transpileModule(text, {
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2022, moduleDetection: ts.ModuleDetectionKind.Force },
  });
  return (out.diagnostics ?? []).some((d) => d.category === ts.DiagnosticCategory.Error)
    ? { status: "invalid" }
    : { status: "complete" };
}
