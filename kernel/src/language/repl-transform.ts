// Rewrites a cell's top level so that it runs as one async function while its declarations
// outlive it: `const x = …` becomes an assignment to a session variable (a configurable global
// property the runtime declares, so a later cell may declare `x` again), functions are hoisted as assignments, imports become
// awaited dynamic imports, the last expression becomes the function's result, and every `await`
// is routed through the runtime so an interrupted cell stops at its next await.
import ts from "typescript";

/** The name of the runtime parameter the transformed cell receives. */
export const RUNTIME_PARAM = "__tb";

/** What the transform learned about a cell. */
export interface ReplInfo {
  /** Names the cell declares at top level (they become session variables). */
  declared: Set<string>;
  /** True when the cell ends with an expression whose value is returned. */
  hasValue: boolean;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

/** Names bound by a binding name (identifier or destructuring pattern). */
export function boundNames(name: ts.BindingName, into: string[] = []): string[] {
  if (ts.isIdentifier(name)) into.push(name.text);
  else
    for (const el of name.elements) {
      if (!ts.isOmittedExpression(el)) boundNames(el.name, into);
    }
  return into;
}

/** Names a top-level statement declares (what a later cell re-declaring them shadows). */
export function declaredNames(stmt: ts.Statement): string[] {
  if (ts.isVariableStatement(stmt))
    return stmt.declarationList.declarations.flatMap((d) => boundNames(d.name));
  if (
    ts.isFunctionDeclaration(stmt) ||
    ts.isClassDeclaration(stmt) ||
    ts.isInterfaceDeclaration(stmt) ||
    ts.isTypeAliasDeclaration(stmt) ||
    ts.isEnumDeclaration(stmt) ||
    ts.isModuleDeclaration(stmt)
  ) {
    return stmt.name && ts.isIdentifier(stmt.name) ? [stmt.name.text] : [];
  }
  if (ts.isImportEqualsDeclaration(stmt)) return [stmt.name.text];
  if (ts.isImportDeclaration(stmt)) {
    const clause = stmt.importClause;
    if (!clause) return [];
    const names = clause.name ? [clause.name.text] : [];
    const nb = clause.namedBindings;
    if (nb && ts.isNamespaceImport(nb)) names.push(nb.name.text);
    else if (nb) names.push(...nb.elements.map((e) => e.name.text));
    return names;
  }
  return [];
}

/**
 * Makes the `before` transformer that gives a cell REPL semantics; `info` is filled in as it runs.
 *
 * @example
 * ```ts
 * const info: ReplInfo = { declared: new Set(), hasValue: false };
 * ts.transpileModule(code, { transformers: { before: [replTransformer(info)] } });
 * ```
 */
export function replTransformer(info: ReplInfo): ts.TransformerFactory<ts.SourceFile> {
  return (ctx) => (sf) => {
    const f = ctx.factory;
    const rt = () => f.createIdentifier(RUNTIME_PARAM);
    const rtCall = (method: string, args: ts.Expression[]) =>
      f.createCallExpression(f.createPropertyAccessExpression(rt(), method), undefined, args);
    const declare = (name: string) => info.declared.add(name);

    // Every await goes through the runtime's guard; every import() through its importer.
    const deep = (node: ts.Node): ts.Node => {
      if (ts.isAwaitExpression(node)) {
        const inner = ts.visitNode(node.expression, deep) as ts.Expression;
        return ts.setTextRange(f.createAwaitExpression(rtCall("guard", [inner])), node);
      }
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const args = node.arguments.map((a) => ts.visitNode(a, deep) as ts.Expression);
        return ts.setTextRange(rtCall("import", args.slice(0, 1)), node);
      }
      return ts.visitEachChild(node, deep, ctx);
    };
    const visit = <T extends ts.Node>(n: T): T => ts.visitNode(n, deep) as T;

    // A binding pattern as an assignment target: `{ a, b: [c = 1] }` → the same shape as an
    // object/array literal whose leaves are the (global) identifiers.
    const toTarget = (name: ts.BindingName): ts.Expression => {
      if (ts.isIdentifier(name)) return f.createIdentifier(name.text);
      if (ts.isObjectBindingPattern(name)) {
        return f.createObjectLiteralExpression(
          name.elements.map((el) => {
            const target = toTarget(el.name);
            const withDefault = el.initializer ? f.createAssignment(target, visit(el.initializer)) : target;
            if (el.dotDotDotToken) return f.createSpreadAssignment(target);
            if (!el.propertyName && ts.isIdentifier(el.name)) {
              return el.initializer
                ? f.createShorthandPropertyAssignment(el.name.text, visit(el.initializer))
                : f.createShorthandPropertyAssignment(el.name.text);
            }
            const key = el.propertyName ?? (el.name as ts.Identifier);
            return f.createPropertyAssignment(visit(key) as ts.PropertyName, withDefault);
          }),
        );
      }
      return f.createArrayLiteralExpression(
        name.elements.map((el) => {
          if (ts.isOmittedExpression(el)) return f.createOmittedExpression();
          const target = toTarget(el.name);
          if (el.dotDotDotToken) return f.createSpreadElement(target);
          return el.initializer ? f.createAssignment(target, visit(el.initializer)) : target;
        }),
      );
    };

    const importModule = (spec: ts.Expression) => f.createAwaitExpression(rtCall("import", [spec]));

    const hoisted: ts.Statement[] = [];
    const body: ts.Statement[] = [];
    const lastIndex = (() => {
      for (let i = sf.statements.length - 1; i >= 0; i--) {
        const s = sf.statements[i];
        if (ts.isEmptyStatement(s) || ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) continue;
        return i;
      }
      return -1;
    })();

    sf.statements.forEach((stmt, index) => {
      if (hasModifier(stmt, ts.SyntaxKind.DeclareKeyword)) return;
      const at = <T extends ts.Node>(n: T) => ts.setTextRange(n, stmt);
      const assign = (name: string, value: ts.Expression) =>
        body.push(at(f.createExpressionStatement(f.createAssignment(f.createIdentifier(name), value))));

      if (ts.isImportDeclaration(stmt)) {
        const clause = stmt.importClause;
        if (clause?.isTypeOnly) return;
        const spec = stmt.moduleSpecifier as ts.Expression;
        if (!clause) {
          body.push(at(f.createExpressionStatement(importModule(spec))));
          return;
        }
        const mod = f.createUniqueName("__module");
        body.push(
          at(
            f.createVariableStatement(
              undefined,
              f.createVariableDeclarationList(
                [f.createVariableDeclaration(mod, undefined, undefined, importModule(spec))],
                ts.NodeFlags.Const,
              ),
            ),
          ),
        );
        if (clause.name) {
          declare(clause.name.text);
          assign(clause.name.text, f.createPropertyAccessExpression(mod, "default"));
        }
        const nb = clause.namedBindings;
        if (nb && ts.isNamespaceImport(nb)) {
          declare(nb.name.text);
          assign(nb.name.text, mod);
        } else if (nb) {
          for (const el of nb.elements) {
            if (el.isTypeOnly) continue;
            const imported = el.propertyName ?? el.name;
            declare(el.name.text);
            assign(el.name.text, f.createElementAccessExpression(mod, f.createStringLiteral(imported.text)));
          }
        }
        return;
      }
      if (ts.isImportEqualsDeclaration(stmt)) {
        if (stmt.isTypeOnly) return;
        declare(stmt.name.text);
        const ref = stmt.moduleReference;
        const value = ts.isExternalModuleReference(ref)
          ? rtCall("require", [ref.expression])
          : (visit(ref as ts.EntityName) as unknown as ts.Expression);
        assign(stmt.name.text, value);
        return;
      }
      if (ts.isVariableStatement(stmt)) {
        const isVar = !(stmt.declarationList.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const));
        for (const d of stmt.declarationList.declarations) {
          boundNames(d.name).forEach(declare);
          if (!d.initializer) {
            // A fresh `let x;` starts undefined, even if an earlier cell set x.
            if (!isVar && ts.isIdentifier(d.name)) assign(d.name.text, f.createVoidZero());
            continue;
          }
          const value = visit(d.initializer);
          body.push(at(f.createExpressionStatement(f.createAssignment(toTarget(d.name), value))));
        }
        return;
      }
      if (ts.isFunctionDeclaration(stmt)) {
        if (!stmt.body) return; // an overload signature
        const name = stmt.name?.text;
        const fn = f.createFunctionExpression(
          (ts.getModifiers(stmt) ?? []).filter((m) => m.kind === ts.SyntaxKind.AsyncKeyword) as ts.Modifier[],
          stmt.asteriskToken,
          stmt.name,
          stmt.typeParameters,
          ts.visitNodes(stmt.parameters, deep) as ts.NodeArray<ts.ParameterDeclaration>,
          stmt.type,
          visit(stmt.body),
        );
        if (!name) {
          body.push(at(f.createExpressionStatement(fn)));
          return;
        }
        declare(name);
        hoisted.push(at(f.createExpressionStatement(f.createAssignment(f.createIdentifier(name), fn))));
        return;
      }
      if (ts.isClassDeclaration(stmt)) {
        const cls = f.createClassExpression(
          (ts.getModifiers(stmt) ?? []).filter((m) => ts.isDecorator(m)) as unknown as ts.ModifierLike[],
          stmt.name,
          stmt.typeParameters,
          stmt.heritageClauses?.map((h) => visit(h)),
          stmt.members.map((m) => visit(m)),
        );
        if (!stmt.name) {
          body.push(at(f.createExpressionStatement(cls)));
          return;
        }
        declare(stmt.name.text);
        assign(stmt.name.text, cls);
        return;
      }
      if (ts.isEnumDeclaration(stmt) || ts.isModuleDeclaration(stmt)) {
        // Emitted by TypeScript as a local `var`; publish it to the session afterwards.
        const stripped = ts.isEnumDeclaration(stmt)
          ? f.updateEnumDeclaration(stmt, undefined, stmt.name, stmt.members)
          : f.updateModuleDeclaration(stmt, undefined, stmt.name, stmt.body);
        body.push(visit(stripped));
        if (ts.isIdentifier(stmt.name)) {
          declare(stmt.name.text);
          body.push(
            at(
              f.createExpressionStatement(
                f.createAssignment(
                  f.createPropertyAccessExpression(f.createIdentifier("globalThis"), stmt.name.text),
                  f.createIdentifier(stmt.name.text),
                ),
              ),
            ),
          );
        }
        return;
      }
      if (ts.isExportDeclaration(stmt)) return;
      if (ts.isExportAssignment(stmt)) {
        if (!stmt.isExportEquals) body.push(at(f.createExpressionStatement(visit(stmt.expression))));
        return;
      }
      if (index === lastIndex && ts.isExpressionStatement(stmt)) {
        info.hasValue = true;
        const value = f.createObjectLiteralExpression([
          f.createPropertyAssignment("value", visit(stmt.expression)),
        ]);
        body.push(at(f.createReturnStatement(value)));
        return;
      }
      body.push(visit(stmt));
    });

    // Session variables are configurable global properties (made by the runtime's `declare`), so
    // `%reset` can delete them and any later cell may declare them again.
    const declareCall = f.createExpressionStatement(
      rtCall("declare", [
        f.createArrayLiteralExpression([...info.declared].map((n) => f.createStringLiteral(n))),
      ]),
    );
    const arrow = f.createArrowFunction(
      [f.createModifier(ts.SyntaxKind.AsyncKeyword)],
      undefined,
      [f.createParameterDeclaration(undefined, undefined, RUNTIME_PARAM)],
      undefined,
      undefined,
      f.createBlock([...(info.declared.size ? [declareCall] : []), ...hoisted, ...body], true),
    );
    const top = [f.createExpressionStatement(f.createParenthesizedExpression(arrow))];
    return f.updateSourceFile(sf, top);
  };
}
