using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeZero.Generators.Diagnostics;
using DeZero.Generators.Model;
using DeZero.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DeZero.Generators.CodeFixes;

/// <summary>
/// On DZ0003, writes the <c>[DerivativeOf]</c> method the generator would accept for the called function,
/// with a body that throws until the user fills it in.
/// </summary>
/// <remarks>
/// The stub goes into the caller's own type (partial already, since it holds a [Differentiable] method),
/// just after the calling member, so the user sees it next to the call; if that type is private or
/// protected, into the nearest enclosing type the generated code can reach.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DerivativeStubCodeFix)), Shared]
public sealed class DerivativeStubCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [Descriptors.NotDifferentiableCall.Id];

    /// <summary>Fix All: one stub per function, however many calls it has, in the document, the project or the solution.</summary>
    public override FixAllProvider? GetFixAllProvider() => OneStubPerFunction.Instance;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Plan(root, model, diagnostic.Location.SourceSpan, context.CancellationToken) is not { } stub)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Create derivative stub for '{stub.TargetName}'",
                    cancellationToken => InsertAsync(context.Document, stub, cancellationToken),
                    equivalenceKey: nameof(DerivativeStubCodeFix)),
                diagnostic);
        }
    }

    /// <summary>
    /// Where the stub goes and what it says, or null when no supplied derivative could fit the callee. <paramref name="taken"/>:
    /// the names of the stubs planned already (by Fix All) in each type, which a new one must not take.
    /// </summary>
    private static Stub? Plan(
        SyntaxNode root, SemanticModel model, TextSpan span, CancellationToken cancellationToken, Dictionary<ISymbol, HashSet<string>>? taken = null)
    {
        var invocation = root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
        if (invocation is null
            || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol target
            || !Symbols.IsPlainFunction(target)
            || !target.Parameters.Any(p => p.Type.SpecialType == SpecialType.System_Double))
        {
            return null; // Not a function of doubles (and ints) returning double: [DerivativeOf] cannot name it.
        }

        // The derivative's type must be public or internal for the generated code to call it.
        var destination = model.GetEnclosingSymbol(invocation.SpanStart, cancellationToken)?.ContainingType;
        while (destination is not null && destination.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
        {
            destination = destination.ContainingType;
        }

        var declaration = invocation.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault(d =>
            SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(d, cancellationToken), destination));
        var member = invocation.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault(m => m.Parent == declaration);
        if (destination is null || declaration is null || member is null)
        {
            return null;
        }

        var name = Symbols.Escaped(target.Name);
        var attribute = SymbolEqualityComparer.Default.Equals(target.ContainingType.OriginalDefinition, destination.OriginalDefinition)
            ? $"[global::DeZero.DerivativeOf(nameof({name}))]"
            : $"[global::DeZero.DerivativeOf(typeof({TypeName(target, model, invocation)}), nameof({TypeName(target, model, invocation)}.{name}))]";

        var methodName = GeneratedNames.WithGradient(target.Name);
        var planned = taken is not null && taken.TryGetValue(destination, out var names) ? names : null;
        for (var suffix = 2; destination.GetMembers(methodName).Any() || planned?.Contains(methodName) == true; suffix++)
        {
            methodName = GeneratedNames.WithGradient(target.Name) + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var doubles = target.Parameters.Where(p => p.Type.SpecialType == SpecialType.System_Double).Select(p => p.Name).ToArray();
        var elements = new[] { "double Value" }.Concat(doubles.Select(d => "double " + GeneratedNames.Partial(d)));
        var parameters = target.Parameters.Select(p => (p.Type.SpecialType == SpecialType.System_Double ? "double " : "int ") + Symbols.Escaped(p.Name));
        var call = $"{target.Name}({string.Join(", ", target.Parameters.Select(p => p.Name))})";
        var message = doubles.Length == 1
            ? $"Return {call} and its derivative with respect to {doubles[0]}."
            : $"Return {call} and its partial derivatives with respect to {string.Join(", ", doubles.Take(doubles.Length - 1))} and {doubles[doubles.Length - 1]}.";

        return new Stub(
            target.GetDocumentationCommentId() ?? target.ToDisplayString(),
            destination,
            methodName,
            target.Name,
            member,
            attribute,
            $"internal static ({string.Join(", ", elements)}) {Symbols.Escaped(methodName)}({string.Join(", ", parameters)}) =>",
            $"throw new global::System.NotImplementedException(\"{message}\");");
    }

    /// <summary>The target's type as the user would write it at the call: short when in scope.</summary>
    private static string TypeName(IMethodSymbol target, SemanticModel model, SyntaxNode at) =>
        target.ContainingType.ToMinimalDisplayString(model, at.SpanStart);

    private static async Task<Document> InsertAsync(Document document, Stub stub, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(Insert(text, [stub]));
    }

    /// <summary>
    /// Inserts each stub as text after its calling member, indented like it, with a blank line between; stubs after one
    /// member follow each other in the order given.
    /// </summary>
    private static SourceText Insert(SourceText text, IReadOnlyList<Stub> stubs) =>
        text.WithChanges(stubs
            .GroupBy(stub => stub.After.FullSpan.End)
            .OrderBy(group => group.Key)
            .Select(group => new TextChange(new TextSpan(group.Key, 0), string.Concat(group.Select((stub, i) => Inserted(text, stub, first: i == 0))))));

    /// <summary>The text of one stub, to go at the end of its calling member's full span.</summary>
    private static string Inserted(SourceText text, Stub stub, bool first)
    {
        var lastLine = text.Lines.GetLineFromPosition(stub.After.Span.End);
        var newLine = lastLine.EndIncludingLineBreak > lastLine.End
            ? text.ToString(TextSpan.FromBounds(lastLine.End, lastLine.EndIncludingLineBreak))
            : "\n";
        var indent = IndentationOf(text, stub.After.SpanStart);
        var typeIndent = IndentationOf(text, stub.After.Parent!.SpanStart);
        var unit = indent.Length > typeIndent.Length && indent.StartsWith(typeIndent, System.StringComparison.Ordinal)
            ? indent.Substring(typeIndent.Length)
            : "    ";

        var inserted = newLine
            + indent + stub.Attribute + newLine
            + indent + stub.Signature + newLine
            + indent + unit + stub.Body + newLine;
        var position = stub.After.FullSpan.End;
        if (first && position > 0 && text[position - 1] != '\n')
        {
            inserted = newLine + inserted; // The member ends the file without a line break.
        }

        return inserted;
    }

    private static string IndentationOf(SourceText text, int position)
    {
        var line = text.Lines.GetLineFromPosition(position);
        var end = line.Start;
        while (end < line.End && text[end] is ' ' or '\t')
        {
            end++;
        }

        return text.ToString(TextSpan.FromBounds(line.Start, end));
    }

    /// <param name="Key">The function's documentation id: Fix All writes one stub per function.</param>
    /// <param name="Destination">The type the stub goes into.</param>
    /// <param name="MethodName">The stub's name in it.</param>
    private sealed record Stub(
        string Key, ISymbol Destination, string MethodName, string TargetName, MemberDeclarationSyntax After, string Attribute, string Signature, string Body);

    /// <summary>
    /// Fix All: every call in the scope, one stub per function and project (its [DerivativeOf] settles every call to it),
    /// stubs of two functions of one name in one type told apart by a suffix, as a single fix would.
    /// </summary>
    private sealed class OneStubPerFunction : FixAllProvider
    {
        public static readonly OneStubPerFunction Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => [FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution];

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
            Task.FromResult<CodeAction?>(CodeAction.Create(
                "Create derivative stubs for every function called without one",
                cancellationToken => FixAsync(fixAllContext, cancellationToken),
                equivalenceKey: nameof(DerivativeStubCodeFix)));

        private static async Task<Solution> FixAsync(FixAllContext context, CancellationToken cancellationToken)
        {
            var solution = context.Solution;
            var projects = context.Scope == FixAllScope.Solution ? context.Solution.Projects : [context.Project];
            foreach (var project in projects)
            {
                var stubbed = new HashSet<string>(System.StringComparer.Ordinal);
                var taken = new Dictionary<ISymbol, HashSet<string>>(SymbolEqualityComparer.Default);
                var documents = context.Scope == FixAllScope.Document && context.Document is { } only ? [only] : project.Documents;
                foreach (var document in documents)
                {
                    var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                    var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                    var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                    if (diagnostics.IsEmpty || root is null || model is null)
                    {
                        continue;
                    }

                    var stubs = new List<Stub>();
                    foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
                    {
                        if (Plan(root, model, diagnostic.Location.SourceSpan, cancellationToken, taken) is { } stub && stubbed.Add(stub.Key))
                        {
                            stubs.Add(stub);
                            (taken.TryGetValue(stub.Destination, out var names) ? names : taken[stub.Destination] = []).Add(stub.MethodName);
                        }
                    }

                    if (stubs.Count > 0)
                    {
                        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                        solution = solution.WithDocumentText(document.Id, Insert(text, stubs));
                    }
                }
            }

            return solution;
        }
    }
}
