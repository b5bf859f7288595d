using System;

namespace DeZero.Benchmarks;

/// <summary>The functions every case measures, written once as a user writes them; the generator derives the rest.</summary>
public static partial class Ops
{
    /// <summary>The seed's <c>square(exp(square(x)))</c>.</summary>
    [Differentiable(Vectorize = true)]
    public static double Seed(double x)
    {
        double a = x * x;
        double b = Math.Exp(a);
        return b * b;
    }

    /// <summary>Rosenbrock's banana function, two inputs.</summary>
    [Differentiable]
    public static double Rosenbrock(double x, double y) => ((1.0 - x) * (1.0 - x)) + (100.0 * (y - (x * x)) * (y - (x * x)));

    /// <summary>A longer transcendental body: locals used more than once, six library functions, two inputs.</summary>
    [Differentiable]
    public static double Transcendental(double x, double y)
    {
        double r = Math.Sqrt((x * x) + (y * y) + 1.0);
        double s = Math.Sin(x) * Math.Exp(-0.5 * y * y);
        double t = Math.Log(1.0 + (x * x)) * Math.Tanh(y);
        double u = Math.Cos(r) / r;
        return s + t + (u * s) + (0.25 * t * t);
    }

    /// <summary>One cheap node for the long chain: a contraction towards 1, so a million steps stay finite.</summary>
    [Differentiable]
    public static double Damp(double x) => (0.5 * x) + 0.5;
}

/// <summary>The same functions with their derivatives worked out by hand: what the generated code must match.</summary>
public static class HandWritten
{
    /// <summary>exp(x²)² and its derivative 4x·exp(x²)².</summary>
    public static (double Value, double DX) Seed(double x)
    {
        double b = Math.Exp(x * x);
        double value = b * b;
        return (value, 4.0 * x * value);
    }

    /// <summary>Rosenbrock with ∂/∂x = -2(1 - x) - 400x(y - x²) and ∂/∂y = 200(y - x²).</summary>
    public static (double Value, double DX, double DY) Rosenbrock(double x, double y)
    {
        double a = 1.0 - x;
        double b = y - (x * x);
        return ((a * a) + (100.0 * b * b), (-2.0 * a) - (400.0 * x * b), 200.0 * b);
    }

    /// <summary><see cref="Ops.Transcendental"/> with its partials written out by the chain rule, sharing every subterm.</summary>
    public static (double Value, double DX, double DY) Transcendental(double x, double y)
    {
        double r = Math.Sqrt((x * x) + (y * y) + 1.0);
        double sinX = Math.Sin(x);
        double g = Math.Exp(-0.5 * y * y);
        double s = sinX * g;
        double l = Math.Log(1.0 + (x * x));
        double th = Math.Tanh(y);
        double t = l * th;
        double cosR = Math.Cos(r);
        double u = cosR / r;

        double ds_dx = Math.Cos(x) * g;
        double ds_dy = -y * s;
        double dt_dx = 2.0 * x / (1.0 + (x * x)) * th;
        double dt_dy = l * (1.0 - (th * th));
        double du_dr = ((-Math.Sin(r) * r) - cosR) / (r * r);
        double du_dx = du_dr * x / r;
        double du_dy = du_dr * y / r;

        // d/dv [s + t + u·s + t²/4] = s' + t' + u'·s + u·s' + t·t'/2
        double dx = ds_dx + dt_dx + (du_dx * s) + (u * ds_dx) + (0.5 * t * dt_dx);
        double dy = ds_dy + dt_dy + (du_dy * s) + (u * ds_dy) + (0.5 * t * dt_dy);
        return (s + t + (u * s) + (0.25 * t * t), dx, dy);
    }
}
