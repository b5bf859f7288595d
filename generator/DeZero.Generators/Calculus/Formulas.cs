using System.Collections.Generic;
using System.Linq;
using DeZero.Generators.Emitting;
using DeZero.Generators.Model;

namespace DeZero.Generators.Calculus;

/// <summary>
/// Each partial derivative as one readable formula, for the generated XML docs. Only for bodies that
/// are straight-line (declarations, assignments, one return) and small enough to read; others
/// have no single formula.
/// </summary>
internal static class Formulas
{
    private const int MaxNodes = 400;

    public static string[]? Partials(MethodSpec method)
    {
        var values = new Dictionary<string, Expr>();
        Expr? result = null;
        foreach (var statement in method.Body.Statements)
        {
            switch (statement)
            {
                case Declare { Kind: ValueKind.Double, Value: { } value } declare when result is null:
                    values[declare.Name] = Inline(value, values);
                    break;
                case Assign assign when result is null && method.Parameters.All(p => p.Name != assign.Name || p.IsDifferentiated):
                    values[assign.Name] = Inline(assign.Value, values);
                    break;
                case Return ret when result is null:
                    result = Inline(ret.Value, values);
                    break;
                default:
                    return null;
            }
        }

        if (result is null || Size(result, 0) > MaxNodes)
        {
            return null;
        }

        var formulas = new List<string>();
        foreach (var parameter in method.Parameters.Where(p => p.IsDifferentiated))
        {
            if (Differentiate(result, parameter.Name) is not { } derivative)
            {
                return null;
            }

            formulas.Add(CSharpPrinter.Formula.Print(Simplifier.Simplify(derivative)));
        }

        return formulas.ToArray();
    }

    private static Expr Inline(Expr expr, Dictionary<string, Expr> values) =>
        Rewriter.Map(expr, e => e is Variable v && values.TryGetValue(v.Name, out var value) ? value : e);

    private static Expr? Differentiate(Expr expr, string parameter)
    {
        switch (expr)
        {
            case Variable v:
                return Constant.Of(v.Name == parameter && v.Kind == ValueKind.Double ? 1 : 0);
            case Conditional c:
                return Differentiate(c.WhenTrue, parameter) is { } whenTrue && Differentiate(c.WhenFalse, parameter) is { } whenFalse
                    ? c with { WhenTrue = whenTrue, WhenFalse = whenFalse, Kind = ValueKind.Double }
                    : null;
            case UserCall:
                return null;
            case Binary { Kind: ValueKind.Double } product when Derivatives.ScaledSquare(product) is { } square:
                return Differentiate(square.Operand, parameter) is { } d
                    ? Derivatives.ScaledSquareDerivative(square.Coefficient, square.Operand, d)
                    : null;
            case Unary { Kind: ValueKind.Double } or Binary { Kind: ValueKind.Double } or MathCall { Kind: ValueKind.Double }:
                {
                    var arguments = expr switch
                    {
                        Unary u => new[] { u.Operand },
                        Binary b => [b.Left, b.Right],
                        _ => ((MathCall)expr).Arguments.ToArray(),
                    };
                    var partials = Derivatives.Partials(expr, expr);
                    if (partials is null)
                    {
                        return null;
                    }

                    Expr sum = Constant.Zero;
                    for (var i = 0; i < arguments.Length; i++)
                    {
                        if (Differentiate(arguments[i], parameter) is not { } inner)
                        {
                            return null;
                        }

                        sum = Derivatives.Add(sum, Derivatives.Mul(partials[i], inner));
                    }

                    return sum;
                }

            default:
                return Constant.Zero;
        }
    }

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
            Model.Convert c => Size(c.Operand, count),
            UserCall call => call.Arguments.Aggregate(count, (n, a) => Size(a, n)),
            _ => count,
        };
    }
}
