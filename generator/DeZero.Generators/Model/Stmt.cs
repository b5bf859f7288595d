namespace DeZero.Generators.Model;

// Statements of a [Differentiable] body, and of the derivative program built from it.

internal abstract record Stmt;

/// <summary>A local declaration, with or without an initial value.</summary>
internal sealed record Declare(string Name, ValueKind Kind, Expr? Value) : Stmt;

/// <summary>
/// An assignment. Compound assignments and <c>++</c>/<c>--</c> are parsed into this, their value spelled out
/// (<c>x += e</c> is <c>x = x + e</c>); <see cref="Form"/> remembers how it was written, so it is printed back so.
/// </summary>
internal sealed record Assign(string Name, Expr Value, AssignmentForm Form = AssignmentForm.Simple) : Stmt;

/// <summary>How an assignment was written: printed back in that form wherever its value still has the shape.</summary>
internal enum AssignmentForm
{
    /// <summary><c>x = e</c>.</summary>
    Simple,

    /// <summary><c>x op= e</c>.</summary>
    Compound,

    /// <summary><c>x++</c> or <c>x--</c>.</summary>
    Step,
}

/// <summary><c>a[i] = e</c> into a local array or span, or an <c>int[]</c> parameter; compound forms and <c>++</c> as <see cref="Assign"/>.</summary>
internal sealed record ElementAssign(string Sequence, Expr Index, Expr Value, AssignmentForm Form = AssignmentForm.Simple) : Stmt;

internal sealed record If(Expr Condition, Block Then, Block? Else) : Stmt;

/// <summary>
/// Every loop: <c>while</c> (condition on top), <c>do</c> (condition at the bottom) and <c>for</c>
/// (initialisers in <see cref="Before"/>, incrementors in <see cref="Next"/>). It runs <see cref="Before"/>,
/// then repeats: the condition if on top, <see cref="Body"/>, <see cref="Next"/> (where <c>continue</c> goes),
/// the condition if at the bottom. A null condition is <c>true</c>.
/// </summary>
internal sealed record Loop(Block Before, Expr? Condition, bool ConditionAtBottom, Block Body, Block Next) : Stmt;

internal sealed record Break : Stmt;

internal sealed record Continue : Stmt;

internal sealed record Return(Expr Value) : Stmt;

internal sealed record Block(EquatableArray<Stmt> Statements) : Stmt
{
    public static readonly Block Empty = new(EquatableArray<Stmt>.Empty);
}

/// <summary>
/// <c>var (v, d1, _, …) = G…WithGradient(args);</c>; a null target is a discard. Without <paramref name="Declares"/>,
/// it assigns locals declared before: <c>(v, d1, _) = …</c>. In a body, the user's own call to a generated value and
/// gradient (its elements' derivatives are second derivatives of G); in a derivative program, how a call is differentiated.
/// </summary>
internal sealed record CallWithGradient(string Value, EquatableArray<OptionalName> Partials, UserCall Call, bool Declares = true) : Stmt;

/// <summary>A name that may be absent (a discard).</summary>
internal readonly record struct OptionalName(string? Name);

// Only in derivative programs:

/// <summary><c>return (value, d1, d2, …);</c></summary>
internal sealed record ReturnTuple(EquatableArray<Expr> Values) : Stmt;

/// <summary><c>label: ;</c> and <c>goto label;</c>, used to run a <c>for</c> loop's incrementors on <c>continue</c>.</summary>
internal sealed record Label(string Name) : Stmt;

internal sealed record Goto(string Name) : Stmt;

// Only in reverse-mode sweeps:

/// <summary>
/// A loop whose index runs from <paramref name="Start"/> up to, not including, <paramref name="End"/>, both read once,
/// the body never assigning the index nor leaving early: its reverse runs the index back down without a tape entry
/// per iteration.
/// </summary>
internal sealed record CountedLoop(string Index, Expr Start, Expr End, Block Body) : Stmt;

/// <summary>
/// <c>tape.Push(value);</c>. <paramref name="Reserved"/>: a <see cref="TapeReserve"/> before the loop around it made room,
/// so it stores without checking.
/// </summary>
internal sealed record TapePush(string Tape, Expr Value, bool Reserved = false) : Stmt;

/// <summary>
/// Makes room on the tape's stacks for what the loop after it pushes: at most <paramref name="Doubles"/> doubles and
/// <paramref name="Ints"/> ints (double-valued counts, which never wrap; null for none).
/// </summary>
internal sealed record TapeReserve(string Tape, Expr? Doubles, Expr? Ints) : Stmt;

/// <summary>
/// The reverse sweep of an array method called from another: <c>G.SweepReverse(args, tape, seed, adjoints)</c>. Each
/// adjoint is a span to add into (a sequence expression) or a double variable passed by <c>ref</c>.
/// </summary>
internal sealed record SweepReverseCall(UserCall Call, string Tape, Expr Seed, EquatableArray<Expr> Adjoints) : Stmt;

/// <summary>
/// The locals a sweep keeps the tape's two stacks in while it runs, so that a push is a store and an increment of a
/// local rather than of a field in memory.
/// </summary>
internal sealed record TapeCursor(string Doubles, string DoubleCount, string Ints, string IntCount);

/// <summary>
/// Hands the stacks between the tape and a sweep's locals: <paramref name="Load"/> takes them into the locals (declaring
/// them when <paramref name="Declares"/>), otherwise the locals' counts are stored back, before a callee's sweep uses the
/// tape and when the sweep ends.
/// </summary>
internal sealed record TapeSync(string Tape, TapeCursor Cursor, bool Load, bool Declares = false) : Stmt;
