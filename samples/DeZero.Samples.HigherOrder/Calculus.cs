using System;
using DeZero;

namespace DeZero.Samples.HigherOrder;

/// <summary>The stage's functions as a user of the generator writes them: plain methods, derivatives by the compiler.</summary>
internal static partial class Calculus
{
    /// <summary>The function of steps 29 and 33, y = x⁴ − 2x², minima at x = ±1.</summary>
    [Differentiable(Hessian = true)]
    public static double F(double x) => Math.Pow(x, 4) - 2 * Math.Pow(x, 2);

    /// <summary>Rosenbrock's function of step 28, minimum 0 at (1, 1).</summary>
    [Differentiable(Hessian = true)]
    public static double Rosenbrock(double x0, double x1) => 100 * Math.Pow(x1 - x0 * x0, 2) + Math.Pow(1 - x0, 2);
}
