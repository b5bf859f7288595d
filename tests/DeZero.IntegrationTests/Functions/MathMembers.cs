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

    // The members Math and double share beyond the above, and those double adds.
    [Differentiable] public static double CopySign(double x, double s) => Math.CopySign(x, s) * x;
    [Differentiable] public static double IEEERemainder(double x, double y) => Math.IEEERemainder(x, y);
    [Differentiable] public static double Ieee754Remainder(double x, double y) => double.Ieee754Remainder(x, y);
    [Differentiable] public static double MaxMagnitude(double x, double y) => Math.MaxMagnitude(x, y);
    [Differentiable] public static double MinMagnitude(double x, double y) => double.MinMagnitude(x, y);
    [Differentiable] public static double ScaleB(double x, int n) => Math.ScaleB(x, n) * x;
    [Differentiable] public static double AcosPi(double x) => double.AcosPi(x);
    [Differentiable] public static double AsinPi(double x) => double.AsinPi(x);
    [Differentiable] public static double AtanPi(double x) => double.AtanPi(x);
    [Differentiable] public static double Atan2Pi(double y, double x) => double.Atan2Pi(y, x);
    [Differentiable] public static double CosPi(double x) => double.CosPi(x);
    [Differentiable] public static double SinPi(double x) => double.SinPi(x);
    [Differentiable] public static double TanPi(double x) => double.TanPi(x);
    [Differentiable] public static double DegreesToRadians(double x) => double.DegreesToRadians(x * x);
    [Differentiable] public static double RadiansToDegrees(double x) => double.RadiansToDegrees(x * x);
    [Differentiable] public static double Exp2(double x) => double.Exp2(x);
    [Differentiable] public static double Exp10(double x) => double.Exp10(x);
    [Differentiable] public static double ExpM1(double x) => double.ExpM1(x);
    [Differentiable] public static double Exp2M1(double x) => double.Exp2M1(x);
    [Differentiable] public static double Exp10M1(double x) => double.Exp10M1(x);
    [Differentiable] public static double LogP1(double x) => double.LogP1(x);
    [Differentiable] public static double Log2P1(double x) => double.Log2P1(x);
    [Differentiable] public static double Log10P1(double x) => double.Log10P1(x);
    [Differentiable] public static double Hypot(double x, double y) => double.Hypot(x, y);
    [Differentiable] public static double Lerp(double a, double b, double t) => double.Lerp(a, b, t);
    [Differentiable] public static double RootN(double x, int n) => double.RootN(x, n);
}
