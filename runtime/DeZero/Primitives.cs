using System;

namespace DeZero;

/// <summary>
/// The built-in functions, written as a user writes them: the generator derives every graph node
/// behind <see cref="Functions"/> and the <see cref="Variable"/> operators from these bodies.
/// </summary>
/// <remarks>
/// Those whose bodies run on SIMD lanes are vectorised, as <see cref="NDArray"/>'s own math over arrays is: over
/// arrays, Exp, Log, Sin and Cos then agree with System.Math within 2 ulp (arithmetic and Sqrt exactly), while
/// scalars, as the seed computes them, and the last few elements of an array always take System.Math.
/// </remarks>
internal static partial class Primitives
{
    [Differentiable(Vectorize = true)] public static double Square(double x) => x * x;

    [Differentiable(Vectorize = true)] public static double Exp(double x) => Math.Exp(x);

    [Differentiable(Vectorize = true)] public static double Log(double x) => Math.Log(x);

    [Differentiable(Vectorize = true)] public static double Sin(double x) => Math.Sin(x);

    [Differentiable(Vectorize = true)] public static double Cos(double x) => Math.Cos(x);

    [Differentiable] public static double Tan(double x) => Math.Tan(x);

    [Differentiable] public static double Tanh(double x) => Math.Tanh(x);

    [Differentiable] public static double Sinh(double x) => Math.Sinh(x);

    [Differentiable] public static double Cosh(double x) => Math.Cosh(x);

    [Differentiable] public static double Asin(double x) => Math.Asin(x);

    [Differentiable] public static double Acos(double x) => Math.Acos(x);

    [Differentiable] public static double Atan(double x) => Math.Atan(x);

    [Differentiable(Vectorize = true)] public static double Sqrt(double x) => Math.Sqrt(x);

    [Differentiable] public static double Abs(double x) => Math.Abs(x);

    [Differentiable] public static double Pow(double x, double p) => Math.Pow(x, p);

    // DeZero's form: the tanh identity is stable for large |x|, where 1 / (1 + exp(-x)) overflows.
    [Differentiable] public static double Sigmoid(double x) => 0.5 * Math.Tanh(0.5 * x) + 0.5;

    [Differentiable] public static double Clip(double x, double min, double max) => Math.Clamp(x, min, max);

    [Differentiable] public static double Maximum(double x0, double x1) => Math.Max(x0, x1);

    [Differentiable] public static double Minimum(double x0, double x1) => Math.Min(x0, x1);

    [Differentiable(Vectorize = true)] public static double Add(double x0, double x1) => x0 + x1;

    [Differentiable(Vectorize = true)] public static double Sub(double x0, double x1) => x0 - x1;

    [Differentiable(Vectorize = true)] public static double Mul(double x0, double x1) => x0 * x1;

    [Differentiable(Vectorize = true)] public static double Div(double x0, double x1) => x0 / x1;

    [Differentiable(Vectorize = true)] public static double Neg(double x) => -x;
}
