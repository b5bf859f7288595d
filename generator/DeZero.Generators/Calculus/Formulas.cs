using System.Collections.Generic;
using System.Linq;
using DeZero.Generators.Model;

namespace DeZero.Generators.Calculus;

/// <summary>
/// Each partial derivative as one closed formula, for the generated XML docs, read off the value-and-gradient program
/// itself: its statements are substituted into the partials it returns (an <c>if</c> that only assigns becomes a
/// conditional expression). So the docs show exactly the derivative the code computes. Programs with loops, calls or
/// returns inside branches have no single formula; nor have formulas too long to read.
/// </summary>
internal static class Formulas
{
    private const int MaxNodes = 400;

    /// <summary>One formula per differentiated parameter, or empty when the program has none.</summary>
    public static EquatableArray<Expr> Of(Block gradient)
    {
        var values = new Dictionary<string, Expr>();
        if (!Run(gradient.Statements.Take(gradient.Statements.Count - 1), values)
            || gradient.Statements.LastOrDefault() is not ReturnTuple result)
        {
            return EquatableArray<Expr>.Empty;
        }

        var formulas = result.Values.Skip(1).Select(partial => Inline(partial, values)).ToArray();
        return formulas.All(f => Size(f, 0) <= MaxNodes)
            ? formulas.Select(Simplifier.Simplify).ToEquatableArray()
            : EquatableArray<Expr>.Empty;
    }

    /// <summary>Runs straight-line statements symbolically: every variable's value as an expression of the parameters.</summary>
    private static bool Run(IEnumerable<Stmt> statements, Dictionary<string, Expr> values)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case Declare { Value: null } declare:
                    values.Remove(declare.Name);
                    break;
                case Declare { Value: { } value } declare:
                    values[declare.Name] = Inline(value, values);
                    break;
                case Assign assign:
                    values[assign.Name] = Inline(assign.Value, values);
                    break;
                case Block block when Run(block.Statements, values):
                    break;
                case VoidCall:
                    break; // Changes no value.
                case If conditional:
                    {
                        var whenTrue = new Dictionary<string, Expr>(values);
                        var whenFalse = new Dictionary<string, Expr>(values);
                        if (!Run(conditional.Then.Statements, whenTrue) || (conditional.Else is { } otherwise && !Run(otherwise.Statements, whenFalse)))
                        {
                            return false;
                        }

                        var condition = Inline(conditional.Condition, values);
                        foreach (var name in whenTrue.Keys.Union(whenFalse.Keys).ToArray())
                        {
                            var (a, b) = (whenTrue.TryGetValue(name, out var t) ? t : null, whenFalse.TryGetValue(name, out var f) ? f : null);
                            if (a is null || b is null)
                            {
                                values.Remove(name); // Assigned on one path only: no value after the if.
                            }
                            else
                            {
                                values[name] = a.Equals(b) ? a : new Conditional(condition, a, b, a.Kind);
                            }
                        }

                        break;
                    }

                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>Substitutes the known values; a variable without one (a parameter) stays as it is.</summary>
    private static Expr Inline(Expr expr, Dictionary<string, Expr> values) =>
        Rewriter.Map(expr, e => e is Variable v && values.TryGetValue(v.Name, out var value) ? value : e);

    /// <summary>The number of nodes, counting shared subtrees each time they occur, stopping once past the limit.</summary>
    private static int Size(Expr expr, int count)
    {
        if (count > MaxNodes)
        {
            return count;
        }

        count++;
        return expr switch
        {
            Unary u => Size(u.Operand, count),
            Binary b => Size(b.Right, Size(b.Left, count)),
            Conditional c => Size(c.WhenFalse, Size(c.WhenTrue, Size(c.Condition, count))),
            MathCall m => m.Arguments.Aggregate(count, (n, a) => Size(a, n)),
            Convert c => Size(c.Operand, count),
            UserCall call => call.Arguments.Aggregate(count, (n, a) => Size(a, n)),
            _ => count,
        };
    }
}
