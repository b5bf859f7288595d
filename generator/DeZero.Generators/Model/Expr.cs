namespace DeZero.Generators.Model;

// The expressions of a [Differentiable] body, and of the derivative program built from it.
// A closed set: the parser produces them, Calculus rewrites them, the emitter prints them.
// Models hold strings, numbers, enums and other records only (never a Roslyn object), so the
// incremental pipeline can compare them by value.

/// <summary>The C# type of an expression: only <c>double</c> (and arrays of it) is differentiated.</summary>
internal enum ValueKind
{
    Double,
    Int,
    Bool,

    /// <summary>A sequence of doubles: <c>double[]</c>, <c>Span&lt;double&gt;</c> or <c>ReadOnlySpan&lt;double&gt;</c>.</summary>
    DoubleArray,

    /// <summary>A sequence of ints: <c>int[]</c>, <c>Span&lt;int&gt;</c> or <c>ReadOnlySpan&lt;int&gt;</c>.</summary>
    IntArray,
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
/// no double argument) has no derivative to take and is evaluated as it is. A callee that
/// <see cref="TakesArrays"/> is differentiated through its node's sweeps rather than its tuple.
/// </summary>
internal sealed record UserCall(
    MemberRef Function,
    MemberRef? Gradient,
    string? Key,
    EquatableArray<Expr> Arguments,
    EquatableArray<bool> Differentiated,
    ValueKind Kind = ValueKind.Double,
    bool TakesArrays = false) : Expr(Kind)
{
    /// <summary>
    /// The callee's second-derivative method, the static <c>Hessian</c> of its node's kernel: its value, partials, then the
    /// upper triangle of its Hessian row by row.
    /// </summary>
    public MemberRef KernelHessian => new(Function.Type + "." + GeneratedNames.Node(Function.Name) + "." + GeneratedNames.NodeKernel, GeneratedNames.KernelHessian);
}

// Arrays and spans, in methods with a span or array parameter.

/// <summary><c>a[i]</c>: an element of a sequence (<see cref="ValueKind.DoubleArray"/> or <see cref="ValueKind.IntArray"/>).</summary>
internal sealed record ElementRead(Expr Sequence, Expr Index, ValueKind Kind) : Expr(Kind);

/// <summary><c>a.Length</c>.</summary>
internal sealed record Length(Expr Sequence) : Expr(ValueKind.Int);

/// <summary>
/// <c>a.Slice(start, length)</c>: a view of part of a sequence, never a copy. <paramref name="OfArray"/> marks, in
/// generated code, a view of a local array (<c>AsSpan</c>) rather than of a span.
/// </summary>
internal sealed record Slice(Expr Sequence, Expr Start, Expr Count, ValueKind Kind, bool OfArray = false) : Expr(Kind);

/// <summary><c>new double[n]</c>, <c>stackalloc double[n]</c> and the same of int: a new sequence of zeros.</summary>
internal sealed record NewArray(Expr Count, ValueKind Kind) : Expr(Kind);

// Only in reverse-mode sweeps: the tape that carries values from the forward sweep to the reverse sweep.

/// <summary>The value last pushed on the tape of that kind, removed: <c>tape.PopDouble()</c>, <c>tape.PopInt()</c>, ….</summary>
internal sealed record TapePop(string Tape, ValueKind Kind) : Expr(Kind);

/// <summary>A local array of zeros from the tape's pool: <c>tape.Doubles(n)</c> or <c>tape.Ints(n)</c>.</summary>
internal sealed record TapeArray(string Tape, Expr Count, ValueKind Kind) : Expr(Kind);

/// <summary>The forward sweep of an array method called from another: its value, recording on the caller's tape.</summary>
internal sealed record SweepForwardCall(UserCall Call, string Tape) : Expr(ValueKind.Double);
