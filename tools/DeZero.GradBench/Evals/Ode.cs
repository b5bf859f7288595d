using System;

namespace DeZero.GradBench.Evals;

/// <summary>
/// GradBench's <c>ode</c> eval: <c>s</c> classical Runge-Kutta steps over <c>t ∈ [0, 2]</c> of
/// <c>y₀' = x₀</c>, <c>yᵢ' = xᵢ·yᵢ₋₁</c> from <c>y = 0</c>, as <c>cpp/gradbench/evals/ode.hpp</c> (after cmpad's <c>an_ode</c>).
/// </summary>
/// <remarks>
/// The primal answers the whole final state, the gradient that of its last element. A differentiated method returns one
/// <c>double</c> and writes no array it is given, so the two are two methods with one integration each: <see cref="Last"/>
/// (the one differentiated) and <see cref="Solve"/> (the primal message's). The tests hold them bit for bit equal.
/// </remarks>
internal static partial class Ode
{
    /// <summary>The last element of the final state: what GradBench's <c>gradient</c> differentiates.</summary>
    [Differentiable]
    internal static double Last(ReadOnlySpan<double> x, int s)
    {
        int n = x.Length;
        double h = 2.0 / s;
        Span<double> y = new double[n];
        Span<double> k1 = new double[n];
        Span<double> k2 = new double[n];
        Span<double> k3 = new double[n];
        Span<double> k4 = new double[n];
        Span<double> yTmp = new double[n];

        for (int step = 0; step < s; step++)
        {
            k1[0] = x[0];
            for (int i = 1; i < n; i++)
            {
                k1[i] = x[i] * y[i - 1];
            }

            for (int i = 0; i < n; i++)
            {
                yTmp[i] = y[i] + h * k1[i] / 2;
            }

            k2[0] = x[0];
            for (int i = 1; i < n; i++)
            {
                k2[i] = x[i] * yTmp[i - 1];
            }

            for (int i = 0; i < n; i++)
            {
                yTmp[i] = y[i] + h * k2[i] / 2;
            }

            k3[0] = x[0];
            for (int i = 1; i < n; i++)
            {
                k3[i] = x[i] * yTmp[i - 1];
            }

            for (int i = 0; i < n; i++)
            {
                yTmp[i] = y[i] + h * k3[i];
            }

            k4[0] = x[0];
            for (int i = 1; i < n; i++)
            {
                k4[i] = x[i] * yTmp[i - 1];
            }

            for (int i = 0; i < n; i++)
            {
                y[i] += h * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) / 6;
            }
        }

        return y[n - 1];
    }

    /// <summary>
    /// The whole final state into <paramref name="y"/> (the <c>primal</c> message): the same operations in the same
    /// order as <see cref="Last"/>, with the state in the caller's span, which a differentiated method cannot write.
    /// </summary>
    internal static void Solve(ReadOnlySpan<double> x, int s, Span<double> y)
    {
        int n = x.Length;
        double h = 2.0 / s;
        Span<double> k1 = new double[n];
        Span<double> k2 = new double[n];
        Span<double> k3 = new double[n];
        Span<double> k4 = new double[n];
        Span<double> yTmp = new double[n];
        y.Clear();

        for (int step = 0; step < s; step++)
        {
            Derivative(x, y, k1);
            for (int i = 0; i < n; i++)
            {
                yTmp[i] = y[i] + h * k1[i] / 2;
            }

            Derivative(x, yTmp, k2);
            for (int i = 0; i < n; i++)
            {
                yTmp[i] = y[i] + h * k2[i] / 2;
            }

            Derivative(x, yTmp, k3);
            for (int i = 0; i < n; i++)
            {
                yTmp[i] = y[i] + h * k3[i];
            }

            Derivative(x, yTmp, k4);
            for (int i = 0; i < n; i++)
            {
                y[i] += h * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) / 6;
            }
        }
    }

    // The right-hand side z = f(x, y); written out inline in Last, whose callees could not write z.
    private static void Derivative(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> z)
    {
        z[0] = x[0];
        for (int i = 1; i < z.Length; i++)
        {
            z[i] = x[i] * y[i - 1];
        }
    }
}
