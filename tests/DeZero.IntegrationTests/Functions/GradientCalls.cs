using System;

namespace DeZero.IntegrationTests.Functions;

/// <summary>Calls to generated <c>…WithGradient</c> members: each element differentiated through the callee's second derivatives.</summary>
public static partial class GradientCalls
{
    /// <summary>The callee of <c>Yield</c>, a bond's price: an int parameter passed along, not differentiated.</summary>
    [Differentiable]
    public static double Price(double y, int n) => 100 * Math.Pow(1 + y, -n);

    /// <summary>Newton's method on Price's own derivative: <c>var (p, dp) = PriceWithGradient(y, n)</c> in a loop.</summary>
    [Differentiable]
    public static double Yield(double price, int n)
    {
        double y = 0.05;
        for (int i = 0; i < 30; i++)
        {
            var (p, dp) = PriceWithGradient(y, n);
            y -= (p - price) / dp;
        }

        return y;
    }

    /// <summary>
    /// In a method of arrays (reverse mode): the sum of the squared yields of every price, Newton's method per element,
    /// its partials restored from the tape iteration by iteration.
    /// </summary>
    [Differentiable]
    public static double SquaredYields(ReadOnlySpan<double> prices, int n)
    {
        double total = 0;
        for (int k = 0; k < prices.Length; k++)
        {
            double y = 0.05;
            for (int i = 0; i < 30; i++)
            {
                var (p, dp) = PriceWithGradient(y, n);
                y -= (p - prices[k]) / dp;
            }

            total += y * y;
        }

        return total;
    }

    /// <summary>In a method of arrays: a tuple local of a two-parameter callee, both arguments elements of the input.</summary>
    [Differentiable]
    public static double ChainedSlopes(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            var r = MixWithGradient(x[i], x[i + 1]);
            s += r.Value * r.DX + r.DY;
        }

        return s;
    }

    /// <summary>A two-parameter callee whose mixed second partial, x·e^(xy)·(2 + xy), is not zero.</summary>
    [Differentiable]
    public static double Mix(double x, double y) => x * Math.Exp(x * y);

    /// <summary><c>(v, gx, gy) = MixWithGradient(…)</c> into existing locals, twice, the second call's arguments reading them.</summary>
    [Differentiable]
    public static double DescentStep(double x, double y)
    {
        const double rate = 0.1;
        double v, gx, gy;
        (v, gx, gy) = MixWithGradient(x, y);
        (v, gx, gy) = MixWithGradient(x - rate * gx, y - rate * gy);
        return v;
    }

    /// <summary>A callee with a [NoDerivative] double: its tuple is (Value, DX) alone.</summary>
    [Differentiable]
    public static double Damped(double x, [NoDerivative] double rate) => Math.Exp(-rate * x) * Math.Cos(x);

    /// <summary>A discarded value, <c>var (_, slope) = DampedWithGradient(x, rate)</c>, the caller's [NoDerivative] double passed on.</summary>
    [Differentiable]
    public static double Oscillation(double x, [NoDerivative] double rate)
    {
        var (_, slope) = DampedWithGradient(x, rate);
        return slope * slope;
    }

    /// <summary>An element read inline, <c>MixWithGradient(x, 0.5).DX * x</c>, a constant for the callee's second parameter.</summary>
    [Differentiable]
    public static double Leverage(double x) => MixWithGradient(x, 0.5).DX * x;

    /// <summary>A tuple local, <c>var r = MixWithGradient(y, x)</c>, read by name (Value, DX, DY), the arguments swapped.</summary>
    [Differentiable]
    public static double Swapped(double x, double y)
    {
        var r = MixWithGradient(y, x);
        return r.Value * r.DX + r.DY;
    }

    /// <summary>A callee with a default double parameter, differentiated: its tuple is (Value, DX, DC).</summary>
    [Differentiable]
    public static double Soft(double x, double c = 0.5) => Math.Log(1 + c * x * x);

    /// <summary>The callee's default left out, <c>var (s, ds, dc) = SoftWithGradient(x)</c>, every element read.</summary>
    [Differentiable]
    public static double SoftSensitivity(double x)
    {
        var (s, ds, dc) = SoftWithGradient(x);
        return s + ds * dc;
    }

    /// <summary>A callee in another class, <c>GradientCallees.RampWithGradient(2 * x)</c>, whose body branches and loops.</summary>
    [Differentiable]
    public static double Ramped(double x)
    {
        var (r, dr) = GradientCallees.RampWithGradient(2 * x);
        return r + x * dr;
    }
}

/// <summary>A callee of <c>GradientCalls</c> in a class of its own.</summary>
public static partial class GradientCallees
{
    /// <summary>A callee with a branch and a loop: x³ below 1, sin x + sin 2x / 2 + sin 3x / 3 from there.</summary>
    [Differentiable]
    public static double Ramp(double x)
    {
        if (x < 1)
        {
            return x * x * x;
        }

        double s = 0;
        for (int k = 1; k <= 3; k++)
        {
            s += Math.Sin(k * x) / k;
        }

        return s;
    }
}
