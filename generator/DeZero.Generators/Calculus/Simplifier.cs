using System;
using DeZero.Generators.Model;

namespace DeZero.Generators.Calculus;

/// <summary>
/// Local algebraic clean-up of derivative expressions (never of the method's own values): constant folding,
/// the identities of 0 and 1, and powers of two moved outwards. A zero here is structural (a derivative that
/// does not exist), so <c>x * 0</c> is 0 even when x could be infinite: that is the convention of every
/// automatic differentiation tool. Folding uses the same IEEE operations the program would, and scaling by a
/// power of two commutes with rounding, so no rewrite changes a result short of overflow or underflow at the
/// ends of the double range (beyond 1e±308).
/// </summary>
internal static class Simplifier
{
    public static Expr Simplify(Expr expr) => expr switch
    {
        Unary { Op: UnaryOp.Negate, Kind: ValueKind.Double } unary => Negate(Simplify(unary.Operand)),
        Binary { Kind: ValueKind.Double } binary => Arithmetic(binary.Op, Simplify(binary.Left), Simplify(binary.Right)),
        Binary { Kind: ValueKind.Bool } binary => Comparison(binary with { Left = Simplify(binary.Left), Right = Simplify(binary.Right) }),
        Conditional conditional => Choose(Simplify(conditional.Condition), Simplify(conditional.WhenTrue), Simplify(conditional.WhenFalse), conditional),
        MathCall call => call with { Arguments = call.Arguments.Select(Simplify) },
        _ => expr,
    };

    private static Expr Negate(Expr operand) => operand switch
    {
        Constant { Kind: ValueKind.Double } c => Constant.Of(-c.Value),
        Unary { Op: UnaryOp.Negate } inner => inner.Operand,
        // -(c * e) is exactly (-c) * e: rounding is symmetric about zero.
        Binary { Op: BinaryOp.Multiply, Left: Constant { Kind: ValueKind.Double } c } product => product with { Left = Constant.Of(-c.Value) },
        _ => new Unary(UnaryOp.Negate, operand, ValueKind.Double),
    };

    private static Expr Arithmetic(BinaryOp op, Expr left, Expr right)
    {
        if (left is Constant { Kind: ValueKind.Double } l && right is Constant { Kind: ValueKind.Double } r)
        {
            switch (op)
            {
                case BinaryOp.Add: return Constant.Of(l.Value + r.Value);
                case BinaryOp.Subtract: return Constant.Of(l.Value - r.Value);
                case BinaryOp.Multiply: return Constant.Of(l.Value * r.Value);
                case BinaryOp.Divide: return Constant.Of(l.Value / r.Value);
            }
        }

        return op switch
        {
            BinaryOp.Add when IsZero(left) => right,
            BinaryOp.Add when IsZero(right) => left,
            BinaryOp.Add when right is Unary { Op: UnaryOp.Negate } negated => Arithmetic(BinaryOp.Subtract, left, negated.Operand),
            BinaryOp.Add when right is Binary { Op: BinaryOp.Multiply, Left: Constant { Value: < 0 } c } scaled => // a + (-c)·e is exactly a - c·e
                Arithmetic(BinaryOp.Subtract, left, scaled with { Left = Constant.Of(-c.Value) }),
            BinaryOp.Add when left.Equals(right) => Arithmetic(BinaryOp.Multiply, Constant.Of(2), left), // e + e is exactly 2e
            BinaryOp.Subtract when IsZero(right) => left,
            BinaryOp.Subtract when IsZero(left) => Negate(right),
            BinaryOp.Subtract when right is Unary { Op: UnaryOp.Negate } negated => Arithmetic(BinaryOp.Add, left, negated.Operand),
            BinaryOp.Multiply when IsZero(left) || IsZero(right) => Constant.Zero,
            BinaryOp.Multiply when IsOne(left) => right,
            BinaryOp.Multiply when IsOne(right) => left,
            BinaryOp.Multiply when IsMinusOne(left) => Negate(right),
            BinaryOp.Multiply when IsMinusOne(right) => Negate(left),
            // c1 · (2^k · e) = (c1 · 2^k) · e, and a · (2^k · b) = 2^k · (a · b): the constants gather in front.
            BinaryOp.Multiply when left is Constant outer && right is Binary { Op: BinaryOp.Multiply, Left: Constant power } scaled && IsPowerOfTwo(power.Value) =>
                Arithmetic(op, Constant.Of(outer.Value * power.Value), scaled.Right),
            BinaryOp.Multiply when left is not Constant && right is Binary { Op: BinaryOp.Multiply, Left: Constant power } scaled && IsPowerOfTwo(power.Value) =>
                Arithmetic(op, power, Arithmetic(op, left, scaled.Right)),
            BinaryOp.Multiply when left is Unary { Op: UnaryOp.Negate } negated => Negate(Arithmetic(op, negated.Operand, right)),
            BinaryOp.Multiply when right is Unary { Op: UnaryOp.Negate } negated => Negate(Arithmetic(op, left, negated.Operand)),
            BinaryOp.Divide when IsZero(left) => Constant.Zero,
            BinaryOp.Divide when IsOne(right) => left,
            _ => new Binary(op, left, right, ValueKind.Double),
        };
    }

    private static Expr Comparison(Binary comparison)
    {
        if (comparison.Left is Constant { Kind: ValueKind.Double } l && comparison.Right is Constant { Kind: ValueKind.Double } r)
        {
            bool? value = comparison.Op switch
            {
                BinaryOp.Equal => l.Value == r.Value,
                BinaryOp.NotEqual => l.Value != r.Value,
                BinaryOp.Less => l.Value < r.Value,
                BinaryOp.LessOrEqual => l.Value <= r.Value,
                BinaryOp.Greater => l.Value > r.Value,
                BinaryOp.GreaterOrEqual => l.Value >= r.Value,
                _ => null,
            };
            if (value is { } known)
            {
                return new Constant(known ? 1 : 0, ValueKind.Bool);
            }
        }

        return comparison;
    }

    private static Expr Choose(Expr condition, Expr whenTrue, Expr whenFalse, Conditional original) =>
        condition is Constant { Kind: ValueKind.Bool } c ? (c.Value != 0 ? whenTrue : whenFalse)
        : whenTrue.Equals(whenFalse) && whenTrue is Constant ? whenTrue
        : original with { Condition = condition, WhenTrue = whenTrue, WhenFalse = whenFalse };

    public static bool IsZero(Expr expr) => expr is Constant { Kind: ValueKind.Double, Value: 0 };

    /// <summary>±2^k with k ≥ 0: multiplying by it is exact.</summary>
    private static bool IsPowerOfTwo(double value)
    {
        var magnitude = Math.Abs(value);
        return magnitude >= 1 && !double.IsInfinity(magnitude) && (BitConverter.DoubleToInt64Bits(magnitude) & 0xF_FFFF_FFFF_FFFF) == 0;
    }

    private static bool IsOne(Expr expr) => expr is Constant { Kind: ValueKind.Double, Value: 1 };

    private static bool IsMinusOne(Expr expr) => expr is Constant { Kind: ValueKind.Double, Value: -1 };

    private static EquatableArray<Expr> Select(this EquatableArray<Expr> items, Func<Expr, Expr> map)
    {
        var result = new Expr[items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = map(items[i]);
        }

        return new EquatableArray<Expr>(result);
    }
}
