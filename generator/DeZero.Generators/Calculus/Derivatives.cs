using DeZero.Generators.Model;

namespace DeZero.Generators.Calculus;

/// <summary>
/// The derivative rules: for each operation, its partial derivative with respect to each argument,
/// written in terms of the arguments <c>a</c>, <c>b</c>, <c>c</c> and the result <c>t</c>.
/// One line per rule. The conventions at non-differentiable points are the documented ones.
/// </summary>
internal static class Derivatives
{
    /// <summary>The partials of <paramref name="operation"/>, or null if it has none (not differentiable).</summary>
    public static Expr[]? Partials(Expr operation, Expr t)
    {
        return operation switch
        {
            Unary { Op: UnaryOp.Negate } => [C(-1)],
            Binary { Op: BinaryOp.Add } => [C(1), C(1)],
            Binary { Op: BinaryOp.Subtract } => [C(1), C(-1)],
            Binary { Op: BinaryOp.Multiply, Left: var a, Right: var b } => [b, a],
            Binary { Op: BinaryOp.Divide, Right: var b } => [Div(C(1), b), Neg(Div(t, b))],
            MathCall call => MathPartials(call.Name, call.Arguments, t),
            _ => null,
        };
    }

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

    private static Expr[]? MathPartials(string name, EquatableArray<Expr> args, Expr t)
    {
        var a = args[0];
        var b = args.Count > 1 ? args[1] : null!;
        var c = args.Count > 2 ? args[2] : null!;
        return name switch
        {
            // Abs'(0) = 0; NaN stays NaN.
            "Abs" => [Choose(Gt(a, C(0)), C(1), Choose(Lt(a, C(0)), C(-1), Choose(Eq(a, C(0)), C(0), C(double.NaN))))],
            "Acos" => [Neg(Div(C(1), M("Sqrt", Sub(C(1), Mul(a, a)))))],
            "Acosh" => [Div(C(1), M("Sqrt", Sub(Mul(a, a), C(1))))],
            "Asin" => [Div(C(1), M("Sqrt", Sub(C(1), Mul(a, a))))],
            "Asinh" => [Div(C(1), M("Sqrt", Add(Mul(a, a), C(1))))],
            "Atan" => [Div(C(1), Add(C(1), Mul(a, a)))],
            // Atan2(y, x): both partials are 0 at the origin.
            "Atan2" => [Choose(IsOrigin(a, b), C(0), Div(b, SumOfSquares(a, b))), Choose(IsOrigin(a, b), C(0), Neg(Div(a, SumOfSquares(a, b))))],
            "Atanh" => [Div(C(1), Sub(C(1), Mul(a, a)))],
            "Cbrt" => [Div(C(1), Mul(C(3), Mul(t, t)))],
            "Ceiling" or "Floor" or "Round" or "Truncate" or "Sign" => [C(0), C(0), C(0)],
            // Clamp passes the gradient for lo <= x <= hi, bounds included, as DeZero's Clip.
            "Clamp" => [Choose(Or(Lt(a, b), Gt(a, c)), C(0), C(1)), Choose(Lt(a, b), C(1), C(0)), Choose(Lt(a, b), C(0), Choose(Gt(a, c), C(1), C(0)))],
            "Cos" => [Neg(M("Sin", a))],
            "Cosh" => [M("Sinh", a)],
            "Exp" => [t],
            "FusedMultiplyAdd" => [b, a, C(1)],
            "Log" when args.Count == 1 => [Div(C(1), a)],
            "Log" => [Div(C(1), Mul(a, M("Log", b))), Neg(Div(t, Mul(b, M("Log", b))))],
            "Log10" => [Div(C(1), Mul(a, C(2.302585092994046)))],
            "Log2" => [Div(C(1), Mul(a, C(0.6931471805599453)))],
            // A tie splits the gradient half and half.
            "Max" => [TieSplit(Gt(a, b), Lt(a, b), a, b), TieSplit(Lt(a, b), Gt(a, b), a, b)],
            "Min" => [TieSplit(Lt(a, b), Gt(a, b), a, b), TieSplit(Gt(a, b), Lt(a, b), a, b)],
            // d/dx = p x^(p-1), so negative bases with whole exponents are right; d/dp = x^p ln x, 0 at x = 0.
            "Pow" => [Choose(Eq(b, C(0)), C(0), Mul(b, M("Pow", a, Sub(b, C(1))))), Choose(Eq(a, C(0)), C(0), Mul(t, M("Log", a)))],
            "Sin" => [M("Cos", a)],
            "Sinh" => [M("Cosh", a)],
            "Sqrt" => [Div(C(0.5), t)],
            "Tan" => [Add(C(1), Mul(t, t))],
            "Tanh" => [Sub(C(1), Mul(t, t))],
            _ => null,
        };
    }

    private static Expr TieSplit(Expr wins, Expr loses, Expr a, Expr b) =>
        Choose(wins, C(1), Choose(loses, C(0), Choose(Eq(a, b), C(0.5), C(double.NaN))));

    private static Expr SumOfSquares(Expr a, Expr b) => Add(Mul(a, a), Mul(b, b));

    private static Expr IsOrigin(Expr a, Expr b) => And(Eq(a, C(0)), Eq(b, C(0)));

    private static Expr C(double value) => Constant.Of(value);

    private static Expr M(string name, params Expr[] args) => new MathCall(name, args.ToEquatableArray(), ValueKind.Double);

    internal static Expr Add(Expr a, Expr b) => new Binary(BinaryOp.Add, a, b, ValueKind.Double);

    internal static Expr Sub(Expr a, Expr b) => new Binary(BinaryOp.Subtract, a, b, ValueKind.Double);

    internal static Expr Mul(Expr a, Expr b) => new Binary(BinaryOp.Multiply, a, b, ValueKind.Double);

    internal static Expr Div(Expr a, Expr b) => new Binary(BinaryOp.Divide, a, b, ValueKind.Double);

    internal static Expr Neg(Expr a) => new Unary(UnaryOp.Negate, a, ValueKind.Double);

    private static Expr Choose(Expr condition, Expr whenTrue, Expr whenFalse) => new Conditional(condition, whenTrue, whenFalse, ValueKind.Double);

    private static Expr Gt(Expr a, Expr b) => new Binary(BinaryOp.Greater, a, b, ValueKind.Bool);

    private static Expr Lt(Expr a, Expr b) => new Binary(BinaryOp.Less, a, b, ValueKind.Bool);

    private static Expr Eq(Expr a, Expr b) => new Binary(BinaryOp.Equal, a, b, ValueKind.Bool);

    private static Expr And(Expr a, Expr b) => new Binary(BinaryOp.ConditionalAnd, a, b, ValueKind.Bool);

    private static Expr Or(Expr a, Expr b) => new Binary(BinaryOp.ConditionalOr, a, b, ValueKind.Bool);
}
