using System;

namespace DeZero.IntegrationTests.Functions;

/// <summary>One method per supported System.Math member, and the same members on double.</summary>
public static partial class MathMembers
{
    [Differentiable] public static double Abs(double x) => Math.Abs(x);
    [Differentiable] public static double Acos(double x) => Math.Acos(x);
    [Differentiable] public static double Acosh(double x) => Math.Acosh(x);
    [Differentiable] public static double Asin(double x) => Math.Asin(x);
    [Differentiable] public static double Asinh(double x) => Math.Asinh(x);
    [Differentiable] public static double Atan(double x) => Math.Atan(x);
    [Differentiable] public static double Atanh(double x) => Math.Atanh(x);
    [Differentiable] public static double Cbrt(double x) => Math.Cbrt(x);
    [Differentiable] public static double Ceiling(double x) => Math.Ceiling(x) * x;
    [Differentiable] public static double Cos(double x) => Math.Cos(x);
    [Differentiable] public static double Cosh(double x) => Math.Cosh(x);
    [Differentiable] public static double Exp(double x) => Math.Exp(x);
    [Differentiable] public static double Floor(double x) => Math.Floor(x) * x;
    [Differentiable] public static double Log(double x) => Math.Log(x);
    [Differentiable] public static double Log10(double x) => Math.Log10(x);
    [Differentiable] public static double Log2(double x) => Math.Log2(x);
    [Differentiable] public static double Round(double x) => Math.Round(x) * x;
    [Differentiable] public static double Sign(double x) => Math.Sign(x) * x;
    [Differentiable] public static double Sin(double x) => Math.Sin(x);
    [Differentiable] public static double Sinh(double x) => Math.Sinh(x);
    [Differentiable] public static double Sqrt(double x) => Math.Sqrt(x);
    [Differentiable] public static double Tan(double x) => Math.Tan(x);
    [Differentiable] public static double Tanh(double x) => Math.Tanh(x);
    [Differentiable] public static double Truncate(double x) => Math.Truncate(x) * x;

    [Differentiable] public static double Atan2(double y, double x) => Math.Atan2(y, x);
    [Differentiable] public static double LogBase(double x, double b) => Math.Log(x, b);
    [Differentiable] public static double Max(double x, double y) => Math.Max(x, y);
    [Differentiable] public static double Min(double x, double y) => Math.Min(x, y);
    [Differentiable] public static double Pow(double x, double y) => Math.Pow(x, y);
    [Differentiable] public static double Clamp(double x, double lo, double hi) => Math.Clamp(x, lo, hi);
    [Differentiable] public static double FusedMultiplyAdd(double a, double b, double c) => Math.FusedMultiplyAdd(a, b, c);

    [Differentiable]
    public static double DoubleMembers(double x, double y) =>
        double.Sqrt(x) * double.Exp(y) + double.Sin(x * y) + double.Log(x, 3) + double.Pow(x, y) + double.Abs(y)
        + double.Max(x, y) + double.Cbrt(x) + double.Atan2(y, x) + double.Clamp(y, -1, 1);
}
