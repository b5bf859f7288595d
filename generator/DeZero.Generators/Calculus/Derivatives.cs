using DeZero.Generators.Model;
using static DeZero.Generators.Model.Expressions;

namespace DeZero.Generators.Calculus;

/// <summary>
/// The derivative rules: for each operation, its partial derivative with respect to each operand, written in terms
/// of the operands and the result <c>t</c>. One line per operator; the functions of <c>System.Math</c> take theirs
/// from the <see cref="Catalog"/>.
/// </summary>
internal static class Derivatives
{
    /// <summary>The partials of <paramref name="operation"/>, or null if it has none (not differentiable).</summary>
    public static Expr[]? Partials(Expr operation, Expr t) => operation switch
    {
        Unary { Op: UnaryOp.Negate } => [C(-1)],
        Binary { Op: BinaryOp.Add } => [C(1), C(1)],
        Binary { Op: BinaryOp.Subtract } => [C(1), C(-1)],
        Binary { Op: BinaryOp.Multiply, Left: var a, Right: var b } => [b, a],
        Binary { Op: BinaryOp.Divide, Right: var b } => [Div(C(1), b), Neg(Div(t, b))],
        MathCall call => Catalog.Of(call).Partials([.. call.Arguments], t),
        _ => null,
    };

    /// <summary>
    /// Recognises <c>s * s</c>, <c>c * s * s</c> and <c>s * c * s</c>, the shape of every squared residual, whose
    /// derivative is better written <c>2c · s · s'</c> than by the product rule (two products and a sum).
    /// </summary>
    public static (double Coefficient, Expr Operand)? ScaledSquare(Binary product) => product switch
    {
        { Op: not BinaryOp.Multiply } => null,
        { Left: var left, Right: var right } when left.Equals(right) => (1, right),
        { Left: Binary { Op: BinaryOp.Multiply, Left: Constant { Kind: ValueKind.Double } c, Right: var s }, Right: var right } when s.Equals(right) => (c.Value, right),
        { Left: Binary { Op: BinaryOp.Multiply, Left: var s, Right: Constant { Kind: ValueKind.Double } c }, Right: var right } when s.Equals(right) => (c.Value, right),
        _ => null,
    };

    /// <summary>The derivative of a scaled square c·s·s: 2c · s · s'.</summary>
    public static Expr ScaledSquareDerivative(double coefficient, Expr s, Expr derivative) => Mul(C(2 * coefficient), Mul(s, derivative));
}
