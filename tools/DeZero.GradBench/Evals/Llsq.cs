using System;

namespace DeZero.GradBench.Evals;

/// <summary>GradBench's <c>llsq</c> eval: a linear least-squares objective, as <c>cpp/gradbench/evals/llsq.hpp</c>.</summary>
internal static partial class Llsq
{
    /// <summary>
    /// <c>½ Σᵢ (sign(tᵢ) - Σⱼ x[j]·tᵢʲ)²</c> over <c>tᵢ = -1 + 2i/(n-1)</c>, <c>i &lt; n</c>: the powers of <c>tᵢ</c>
    /// built by repeated multiplication and subtracted one by one, as GradBench's primal does.
    /// </summary>
    [Differentiable]
    internal static double Objective(ReadOnlySpan<double> x, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            // GradBench computes t in double from a double i: (i * 2) / (n - 1), then -1 + that.
            double di = i;
            double ti = -1 + di * 2 / (n - 1);
            double innerSum = ti > 0 ? 1.0 : (ti < 0 ? -1.0 : 0.0);
            double mul = 1;
            for (int j = 0; j < x.Length; j++)
            {
                innerSum -= x[j] * mul;
                mul *= ti;
            }

            sum += innerSum * innerSum;
        }

        return sum / 2;
    }
}
