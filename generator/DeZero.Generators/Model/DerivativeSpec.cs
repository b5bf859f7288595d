namespace DeZero.Generators.Model;

/// <summary>
/// What differentiating one method gives, for the emitter to print: the method itself, the statements of its
/// value-and-gradient method, and each partial derivative as one formula where the body has one. Equatable, so
/// a method whose model did not change is not printed again.
/// </summary>
/// <param name="Method">The method differentiated.</param>
/// <param name="Gradient">
/// The body of <c>…WithGradient</c>: the method's own statements, each followed by its tangents, ending in
/// <see cref="ReturnTuple"/>s of the value and the partials in parameter order.
/// </param>
/// <param name="Formulas">One closed formula per differentiated parameter, in order; empty when the body has none
/// (branches, loops, calls) or it would be too long to read.</param>
/// <param name="Reverse">For a method with a span or array parameter, its reverse-mode sweeps (and <see cref="Gradient"/> is empty).</param>
internal sealed record DerivativeSpec(MethodSpec Method, Block Gradient, EquatableArray<Expr> Formulas, ReverseSpec? Reverse = null);

/// <summary>
/// The two sweeps of reverse mode. <see cref="Forward"/> computes the method's value as its own statements do and
/// records on the tape what the reverse sweep needs (values about to be overwritten, branches taken, trip counts);
/// <see cref="Reverse"/> replays the statements backwards, adding <see cref="Seed"/> times each partial derivative
/// into the gradient arguments.
/// </summary>
/// <param name="Tape">The name of the tape parameter of both sweeps.</param>
/// <param name="Seed">The name of the reverse sweep's seed: the gradient of whatever the method's value flows into.</param>
/// <param name="Cursor">The locals both sweeps keep the tape's stacks in.</param>
internal sealed record ReverseSpec(Block Forward, Block Reverse, string Tape, string Seed, TapeCursor Cursor);

/// <summary>What the differentiate step gives: a derivative to emit, or the failure of a bug of ours.</summary>
internal sealed record DerivativeResult(DerivativeSpec? Derivative, DiagnosticInfo? Failure);
