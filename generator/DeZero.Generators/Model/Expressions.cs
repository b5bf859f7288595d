namespace DeZero.Generators.Model;

/// <summary>Short constructors for the double and bool expressions that derivative rules are written in.</summary>
internal static class Expressions
{
    public static Expr C(double value) => Constant.Of(value);

    public static Expr Call(string name, params Expr[] args) => new MathCall(name, args.ToEquatableArray(), ValueKind.Double);

    public static Expr Add(Expr a, Expr b) => new Binary(BinaryOp.Add, a, b, ValueKind.Double);

    public static Expr Sub(Expr a, Expr b) => new Binary(BinaryOp.Subtract, a, b, ValueKind.Double);

    public static Expr Mul(Expr a, Expr b) => new Binary(BinaryOp.Multiply, a, b, ValueKind.Double);

    public static Expr Div(Expr a, Expr b) => new Binary(BinaryOp.Divide, a, b, ValueKind.Double);

    public static Expr Neg(Expr a) => new Unary(UnaryOp.Negate, a, ValueKind.Double);

    public static Expr Choose(Expr condition, Expr whenTrue, Expr whenFalse) => new Conditional(condition, whenTrue, whenFalse, ValueKind.Double);

    public static Expr Gt(Expr a, Expr b) => new Binary(BinaryOp.Greater, a, b, ValueKind.Bool);

    public static Expr Lt(Expr a, Expr b) => new Binary(BinaryOp.Less, a, b, ValueKind.Bool);

    public static Expr Eq(Expr a, Expr b) => new Binary(BinaryOp.Equal, a, b, ValueKind.Bool);

    public static Expr And(Expr a, Expr b) => new Binary(BinaryOp.ConditionalAnd, a, b, ValueKind.Bool);

    public static Expr Or(Expr a, Expr b) => new Binary(BinaryOp.ConditionalOr, a, b, ValueKind.Bool);
}
