using System;

namespace DeZero.IntegrationTests.Functions;

/// <summary>Static local functions, differentiated as the method is.</summary>
public static partial class LocalFunctions
{
    /// <summary>Declared after the return, expression- and block-bodied.</summary>
    [Differentiable]
    public static double Softplus(double x, double y)
    {
        return Sp(x) * Sp(y) + Sq(x - y);

        static double Sp(double t) => Math.Log(1 + Math.Exp(t));

        static double Sq(double t)
        {
            double s = t * t;
            return s;
        }
    }

    /// <summary>A recursive local function of a double and an int, and one of ints only, returning int.</summary>
    [Differentiable]
    public static double Power(double x, int n)
    {
        static double P(double b, int k) => k == 0 ? 1 : b * P(b, k - 1);
        static int Twice(int k) => 2 * k;
        return P(x, n) + Twice(n) * x;
    }

    /// <summary>A local function inside a local function, one returning bool, one with a default value.</summary>
    [Differentiable]
    public static double Nested(double x)
    {
        return Small(x) ? Outer(x) : Outer(2 * x) + Scaled(x);

        static double Outer(double t)
        {
            return Inner(t) * t;

            static double Inner(double u) => Math.Sin(u);
        }

        static bool Small(double t) => Math.Abs(t) < 1;

        static double Scaled(double t, double factor = 3) => factor * t * t;
    }

    /// <summary>Parameters and locals of a local function named like the method's own.</summary>
    [Differentiable]
    public static double Shadow(double x)
    {
        double t = x * 2;
        return F(t) + F(x);

        static double F(double t)
        {
            double x = t * t;
            return x + t;
        }
    }

    /// <summary>Second derivatives through local functions, one calling another: …WithHessian.</summary>
    [Differentiable(Hessian = true)]
    public static double Smooth(double x, double y)
    {
        return Sp(x * y) + Cube(x) / x * y;

        static double Sp(double t) => Math.Log(1 + Math.Exp(t));

        static double Cube(double t) => Square(t) * t;

        static double Square(double t) => t * t;
    }
}
