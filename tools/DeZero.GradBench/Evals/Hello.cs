namespace DeZero.GradBench.Evals;

/// <summary>GradBench's <c>hello</c> eval: <c>square</c> and its derivative <c>double</c>.</summary>
internal static partial class Hello
{
    /// <summary>The primal of <c>square</c>; the generator writes <c>SquareWithGradient</c>, whose <c>DX</c> answers <c>double</c>.</summary>
    [Differentiable]
    internal static double Square(double x) => x * x;
}
