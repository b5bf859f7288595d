using System.Collections.Generic;
using System.Linq;
using DeZero.Generators.Diagnostics;
using DeZero.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeZero.Generators.Parsing;

// Tuple deconstruction of locals and parameters, lowered to declarations and assignments in C#'s order.
internal sealed partial class BodyParser
{
    /// <summary>
    /// <c>(a, b) = (e1, e2)</c>, <c>var (s, c) = (e1, e2)</c>, <c>(double u, int k) = (e1, e2)</c>: every value read first, left to
    /// right, then every target assigned, left to right. A value that reads a target assigned before it is read into a
    /// temporary first, so <c>(a, b) = (b, a + b)</c> is <c>t = a + b; a = b; b = t;</c>, as C# computes it.
    /// </summary>
    private void ParseDeconstruction(IDeconstructionAssignmentOperation deconstruction, List<Stmt> statements)
    {
        var targets = TupleElements(deconstruction.Target);
        var gradient = IsGradientTuple(deconstruction.Value); // var (p, dp) = PriceWithGradient(y, n)
        var elements = gradient ? null : TupleElements(deconstruction.Value);
        var count = gradient ? (deconstruction.Value.Type as INamedTypeSymbol)?.TupleElements.Length : elements?.Count;
        if (targets is null || count is null || targets.Count != count)
        {
            Unsupported(deconstruction.Value, "deconstruct a tuple written out, of locals and parameters, or a generated value and gradient: (a, b) = (e1, e2), var (v, d) = FWithGradient(x)");
            return;
        }

        var assigned = new List<(string? Name, ValueKind Kind, bool Declares)>();
        foreach (var target in targets)
        {
            switch (target)
            {
                case IDiscardOperation:
                    assigned.Add((null, ValueKind.Double, false));
                    break;
                case IDeclarationExpressionOperation { Expression: ILocalReferenceOperation local }:
                    assigned.Add(Declared(local));
                    break;
                case ILocalReferenceOperation { IsDeclaration: true } local:
                    assigned.Add(Declared(local));
                    break;
                default:
                    if (TargetName(target) is not { } name || Symbols.KindOf(target.Type) is not { } kind)
                    {
                        Unsupported(target, "deconstruct into double, int and bool locals and parameters, or discards");
                        return;
                    }

                    assigned.Add((name, kind, false));
                    break;
            }
        }

        if (assigned.Any(a => a.Name == string.Empty))
        {
            return; // A declared local of a type we do not take: reported.
        }

        var values = gradient ? GradientElements(deconstruction.Value) : ParseInOrder(elements!);
        for (var j = 1; j < values.Length; j++)
        {
            var before = new HashSet<string>(assigned.Take(j).Where(a => a.Name is not null && !a.Declares).Select(a => a.Name!), System.StringComparer.Ordinal);
            if (Reads(values[j], before))
            {
                values[j] = Temporary("value", values[j].Kind, values[j]);
            }
        }

        for (var j = 0; j < values.Length; j++)
        {
            if (assigned[j] is { Name: { } name } target)
            {
                var value = Widen(values[j], target.Kind);
                statements.Add(target.Declares ? new Declare(name, target.Kind, value) : new Assign(name, value));
            }
        }

        (string? Name, ValueKind Kind, bool Declares) Declared(ILocalReferenceOperation local)
        {
            if (Symbols.KindOf(local.Type) is { } kind)
            {
                return (local.Local.Name, kind, true);
            }

            Report(Descriptors.UnsupportedLocal, local.Syntax, local.Local.Name, local.Type?.ToDisplayString() ?? "?");
            return (string.Empty, ValueKind.Double, true);
        }
    }

    /// <summary>The elements of a tuple written out, through the conversions and declarations around it; null for any other value.</summary>
    private static IReadOnlyList<IOperation>? TupleElements(IOperation operation) => operation switch
    {
        ITupleOperation tuple when tuple.Elements.All(e => e is not ITupleOperation) => tuple.Elements,
        IConversionOperation { IsImplicit: true, Operand: var operand } => TupleElements(operand),
        IDeclarationExpressionOperation { Expression: var declared } => TupleElements(declared),
        _ => null,
    };
}
