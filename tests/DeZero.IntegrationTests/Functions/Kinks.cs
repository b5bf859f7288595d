using System;

namespace DeZero.IntegrationTests.Functions;

/// <summary>Functions whose derivative at some points is a convention (DESIGN.md).</summary>
public static partial class Kinks
{
    [Differentiable]
    public static double Steps(double x) => Math.Floor(x) + Math.Ceiling(x) + Math.Round(x) + Math.Truncate(x) + Math.Sign(x);

    [Differentiable]
    public static double PowConstant(double x) => Math.Pow(x, 3);
}
