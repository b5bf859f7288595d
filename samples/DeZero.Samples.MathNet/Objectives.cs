using System;
using DeZero;

namespace DeZero.Samples.MathNet;

/// <summary>The function to minimise, written once as plain C#; the generator writes its gradient.</summary>
internal static partial class Objectives
{
    /// <summary>
    /// Rosenbrock's function in any number of dimensions, Σᵢ (1 - xᵢ)² + 100 (xᵢ₊₁ - xᵢ²)²: a long curved valley with its
    /// minimum 0 at (1, …, 1), the classic test of a quasi-Newton method.
    /// </summary>
    [Differentiable]
    public static double Rosenbrock(ReadOnlySpan<double> x)
    {
        double f = 0;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            double a = 1 - x[i];
            double b = x[i + 1] - x[i] * x[i];
            f += a * a + 100 * b * b;
        }

        return f;
    }
}
