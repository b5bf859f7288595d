using System;

namespace DeZero.GradBench.Evals;

/// <summary>GradBench's <c>lse</c> eval: LogSumExp with the maximum shifted out, as <c>cpp/gradbench/evals/lse.hpp</c>.</summary>
internal static partial class Lse
{
    /// <summary>
    /// <c>log(Σ exp(x[i] - a)) + a</c> with <c>a = max x</c>: the maximum from <c>x[0]</c> onwards, then the sum from
    /// 0, in index order, as GradBench's scalar primal (the one its AD tools differentiate). Also GMM's <c>logsumexp</c>,
    /// which performs the same operations. <paramref name="x"/> must not be empty.
    /// </summary>
    [Differentiable]
    internal static double LogSumExp(ReadOnlySpan<double> x)
    {
        double a = x[0];
        for (int i = 1; i < x.Length; i++)
        {
            a = Math.Max(a, x[i]);
        }

        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += Math.Exp(x[i] - a);
        }

        return Math.Log(s) + a;
    }
}
