namespace DeZero.Generators.Model;

// The expressions of a [Differentiable] body, and of the derivative program built from it.
// A closed set: the parser produces them, Calculus rewrites them, the emitter prints them.
// Models hold strings, numbers, enums and other records only (never a Roslyn object), so the
// incremental pipeline can compare them by value.

/// <summary>The C# type of an expression: only <c>double</c> is differentiated.</summary>
internal enum ValueKind
{
    Double,
    Int,
    Bool,
}

internal enum UnaryOp
{
    Negate,
    Not,
    BitwiseNot,
}

internal enum BinaryOp
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Remainder,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    ConditionalAnd,
    ConditionalOr,
    And,
    Or,
    ExclusiveOr,
    LeftShift,
    RightShift,
}

internal abstract record Expr(ValueKind Kind);

/// <summary>A literal or compile-time constant (also <c>Math.PI</c>, <c>const</c> locals, folded sub-expressions).</summary>
internal sealed record Constant(double Value, ValueKind Kind) : Expr(Kind)
{
    public static readonly Constant Zero = new(0, ValueKind.Double);
    public static readonly Constant One = new(1, ValueKind.Double);

    public static Constant Of(double value) => new(value, ValueKind.Double);
}

/// <summary>A parameter, local or generated temporary, by its bare name (a keyword gets its <c>@</c> when printed).</summary>
internal sealed record Variable(string Name, ValueKind Kind) : Expr(Kind);

/// <summary>A non-constant static field read as an input that is not differentiated.</summary>
internal sealed record FieldReference(MemberRef Field, ValueKind Kind) : Expr(Kind);

/// <summary>
/// A static member of a type: <paramref name="Type"/> is the type as C# writes it, fully qualified
/// (<c>global::Samples.Ops</c>); <paramref name="Name"/> is the member's bare name.
/// </summary>
internal sealed record MemberRef(string Type, string Name);

/// <summary>An enum constant argument such as <c>MidpointRounding.AwayFromZero</c>.</summary>
internal sealed record EnumConstant(string QualifiedType, long Value) : Expr(ValueKind.Int);

internal sealed record Unary(UnaryOp Op, Expr Operand, ValueKind Kind) : Expr(Kind);

internal sealed record Binary(BinaryOp Op, Expr Left, Expr Right, ValueKind Kind) : Expr(Kind);

/// <summary>An explicit or implicit numeric conversion between <c>int</c> and <c>double</c>.</summary>
internal sealed record Convert(Expr Operand, ValueKind Kind) : Expr(Kind);

/// <summary><c>c ? a : b</c>.</summary>
internal sealed record Conditional(Expr Condition, Expr WhenTrue, Expr WhenFalse, ValueKind Kind) : Expr(Kind);

/// <summary>A call to a member of <c>System.Math</c> (or the same member of <c>double</c>).</summary>
internal sealed record MathCall(string Name, EquatableArray<Expr> Arguments, ValueKind Kind) : Expr(Kind);

/// <summary>
/// A call to a function whose derivative is known: another <c>[Differentiable]</c> method, or one with a
/// derivative supplied by <c>[DerivativeOf]</c>. <see cref="Gradient"/> is the method that returns the
/// value and the partials; for a supplied derivative it is filled in once the registrations are gathered,
/// from <see cref="Key"/>, the callee's documentation id. A call with neither (an int or bool result, or
/// no double argument) has no derivative to take and is evaluated as it is.
/// </summary>
internal sealed record UserCall(
    MemberRef Function,
    MemberRef? Gradient,
    string? Key,
    EquatableArray<Expr> Arguments,
    EquatableArray<bool> Differentiated,
    ValueKind Kind = ValueKind.Double) : Expr(Kind);
