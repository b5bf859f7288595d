using System;
using System.Linq;
using DeZero.Generators.Model;
using static DeZero.Generators.Model.Expressions;

namespace DeZero.Generators.Calculus;

/// <summary>
/// Differentiates one expression symbolically, by the same rules as the programs: the operators' and the catalog's.
/// Used on the derivative rules themselves, so each rule's second partials come from its first, and the catalog stays
/// one line per function.
/// </summary>
internal static class Symbolic
{
    /// <summary>
    /// The derivative of <paramref name="expr"/>, given the derivative of each variable it reads (null for a variable
    /// that does not change). Conditions are held fixed: the derivative of a rule with branches is the derivative of the
    /// branch taken, as everywhere else; a NaN constant (a rule's "undefined" branch) stays NaN.
    /// </summary>
    public static Expr Derivative(Expr expr, Func<string, Expr?> derivativeOf) => expr switch
    {
        Constant { Kind: ValueKind.Double } c => double.IsNaN(c.Value) ? c : C(0),
        Model.Variable { Kind: ValueKind.Double } v => derivativeOf(v.Name) ?? C(0),
        Unary { Op: UnaryOp.Negate } u => Neg(Derivative(u.Operand, derivativeOf)),
        Binary { Op: BinaryOp.Add } b => Add(Derivative(b.Left, derivativeOf), Derivative(b.Right, derivativeOf)),
        Binary { Op: BinaryOp.Subtract } b => Sub(Derivative(b.Left, derivativeOf), Derivative(b.Right, derivativeOf)),
        Binary { Op: BinaryOp.Multiply } b => Add(Mul(Derivative(b.Left, derivativeOf), b.Right), Mul(b.Left, Derivative(b.Right, derivativeOf))),
        Binary { Op: BinaryOp.Divide } b => Sub(
            Div(Derivative(b.Left, derivativeOf), b.Right),
            Div(Mul(b.Left, Derivative(b.Right, derivativeOf)), Mul(b.Right, b.Right))),
        Conditional c => Choose(c.Condition, Derivative(c.WhenTrue, derivativeOf), Derivative(c.WhenFalse, derivativeOf)),
        MathCall call => OfCall(call, derivativeOf),
        _ => C(0), // an int (never differentiated), a field, a conversion from int: constant
    };

    private static Expr OfCall(MathCall call, Func<string, Expr?> derivativeOf)
    {
        var function = Catalog.Of(call);
        if (function.IsPiecewiseConstant)
        {
            return C(0);
        }

        var partials = function.Partials([.. call.Arguments], call);
        return call.Arguments
            .Select((argument, i) => argument.Kind == ValueKind.Double ? Mul(partials[i], Derivative(argument, derivativeOf)) : C(0))
            .Aggregate(Add);
    }
}
