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
/// <param name="Hessian">
/// For a method of doubles, the body of its second-derivative method: the method's own statements with first and
/// second-order tangents, ending in <see cref="ReturnTuple"/>s of the value, the partials and the Hessian's upper
/// triangle row by row; null when it cannot be written (<see cref="NoHessian"/> says why).
/// </param>
/// <param name="NoHessian">Why the second derivatives cannot be written ("it calls Erf, whose derivative is supplied…"), or null.</param>
/// <param name="Graph">For a straight-line method of doubles, its node's backward as a graph of other differentiable nodes; null otherwise.</param>
internal sealed record DerivativeSpec(
    MethodSpec Method,
    Block Gradient,
    EquatableArray<Expr> Formulas,
    ReverseSpec? Reverse = null,
    Block? Hessian = null,
    string? NoHessian = null,
    GraphSpec? Graph = null);

/// <summary>
/// The backward of a straight-line method's node written with operations on variables, so it can be differentiated
/// again, to any order: the statements of <c>…WithGradient</c> that the partials need, each double that depends on the
/// inputs a variable, and each input's gradient as the output's gradient times its partial.
/// </summary>
/// <param name="Body">Declarations and assignments, in order; the method's returned value, where a partial reads it, is the node's output.</param>
/// <param name="Partials">Each input's partial derivative, in parameter order, in terms of the body's names.</param>
/// <param name="Graphed">The names (parameters and locals) that hold variables; every other double is a plain number.</param>
/// <param name="Inputs">The name of the span of input variables.</param>
/// <param name="Output">The name of the node's output variable.</param>
/// <param name="Seed">The name of the output's gradient.</param>
/// <param name="Gradients">The name of the span receiving each input's gradient.</param>
/// <param name="Element">The name of a lambda's parameter, for functions computed per element off the graph (Floor, Round, Sign…).</param>
internal sealed record GraphSpec(
    Block Body,
    EquatableArray<Expr> Partials,
    EquatableArray<string> Graphed,
    string Inputs,
    string Output,
    string Seed,
    string Gradients,
    string Element);

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
