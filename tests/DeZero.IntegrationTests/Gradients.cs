using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace DeZero.IntegrationTests;

/// <summary>
/// Three independent oracles agree: the hand-derived closed form, central differences of the user's
/// own method (never touching generated code), and the graph path (the generated node and Backward).
/// </summary>
internal static class Gradients
{
    /// <summary>Closed form against <c>…WithGradient</c>: 1e-11 relative, as the issue is judged.</summary>
    public const double ClosedFormTolerance = 1e-11;

    /// <summary>Central differences with a step near 1e-6: agreement to about 1e-6.</summary>
    public const double NumericalTolerance = 1e-6;

    /// <summary>The graph path against <c>…WithGradient</c>: same arithmetic, vectorised kernels within a few ulp.</summary>
    public const double GraphTolerance = 1e-12;

    public static void Check1(
        Func<double, double> f,
        Func<double, (double Value, double DX)> withGradient,
        Func<Variable, Variable> graph,
        Func<double, double> closedForm,
        double[] points,
        [CallerArgumentExpression(nameof(withGradient))] string name = "")
    {
        foreach (var x in points)
        {
            var at = Format($"{name}({x})");
            var (value, dx) = withGradient(x);
            AssertClose(f(x), value, ClosedFormTolerance, at + " value");
            AssertClose(closedForm(x), dx, ClosedFormTolerance, at + " d/dx vs closed form");
            AssertClose(Central(h => f(x + h), x), dx, NumericalTolerance, at + " d/dx vs central differences");

            var vx = new Variable(x);
            var z = graph(vx);
            z.Backward();
            AssertClose(value, z.Data.Item(), GraphTolerance, at + " graph value");
            AssertClose(dx, vx.Grad!.Item(), GraphTolerance, at + " graph d/dx");
        }
    }

    public static void Check2(
        Func<double, double, double> f,
        Func<double, double, (double Value, double DX, double DY)> withGradient,
        Func<Variable, Variable, Variable> graph,
        Func<double, double, (double DX, double DY)> closedForm,
        (double X, double Y)[] points,
        [CallerArgumentExpression(nameof(withGradient))] string name = "")
    {
        foreach (var (x, y) in points)
        {
            var at = Format($"{name}({x}, {y})");
            var (value, dx, dy) = withGradient(x, y);
            var (cx, cy) = closedForm(x, y);
            AssertClose(f(x, y), value, ClosedFormTolerance, at + " value");
            AssertClose(cx, dx, ClosedFormTolerance, at + " d/dx vs closed form");
            AssertClose(cy, dy, ClosedFormTolerance, at + " d/dy vs closed form");
            AssertClose(Central(h => f(x + h, y), x), dx, NumericalTolerance, at + " d/dx vs central differences");
            AssertClose(Central(h => f(x, y + h), y), dy, NumericalTolerance, at + " d/dy vs central differences");

            var vx = new Variable(x);
            var vy = new Variable(y);
            var z = graph(vx, vy);
            z.Backward();
            AssertClose(value, z.Data.Item(), GraphTolerance, at + " graph value");
            AssertClose(dx, vx.Grad!.Item(), GraphTolerance, at + " graph d/dx");
            AssertClose(dy, vy.Grad!.Item(), GraphTolerance, at + " graph d/dy");
        }
    }

    public static void Check3(
        Func<double, double, double, double> f,
        Func<double, double, double, (double Value, double DA, double DB, double DC)> withGradient,
        Func<Variable, Variable, Variable, Variable> graph,
        Func<double, double, double, (double DA, double DB, double DC)> closedForm,
        (double A, double B, double C)[] points,
        bool numerical = true,
        [CallerArgumentExpression(nameof(withGradient))] string name = "")
    {
        foreach (var (a, b, c) in points)
        {
            var at = Format($"{name}({a}, {b}, {c})");
            var (value, da, db, dc) = withGradient(a, b, c);
            var (ca, cb, cc) = closedForm(a, b, c);
            AssertClose(f(a, b, c), value, ClosedFormTolerance, at + " value");
            AssertClose(ca, da, ClosedFormTolerance, at + " d/da vs closed form");
            AssertClose(cb, db, ClosedFormTolerance, at + " d/db vs closed form");
            AssertClose(cc, dc, ClosedFormTolerance, at + " d/dc vs closed form");
            if (numerical)
            {
                AssertClose(Central(h => f(a + h, b, c), a), da, NumericalTolerance, at + " d/da vs central differences");
                AssertClose(Central(h => f(a, b + h, c), b), db, NumericalTolerance, at + " d/db vs central differences");
                AssertClose(Central(h => f(a, b, c + h), c), dc, NumericalTolerance, at + " d/dc vs central differences");
            }

            var (va, vb, vc) = (new Variable(a), new Variable(b), new Variable(c));
            var z = graph(va, vb, vc);
            z.Backward();
            AssertClose(value, z.Data.Item(), GraphTolerance, at + " graph value");
            AssertClose(da, va.Grad!.Item(), GraphTolerance, at + " graph d/da");
            AssertClose(db, vb.Grad!.Item(), GraphTolerance, at + " graph d/db");
            AssertClose(dc, vc.Grad!.Item(), GraphTolerance, at + " graph d/dc");
        }
    }

    /// <summary>Only <c>…WithGradient</c> and the graph, at points where the derivative is a convention.</summary>
    public static void AtKink1(
        Func<double, (double Value, double DX)> withGradient,
        Func<Variable, Variable> graph,
        double x,
        double expected,
        [CallerArgumentExpression(nameof(withGradient))] string name = "")
    {
        var at = Format($"{name}({x})");
        var (_, dx) = withGradient(x);
        AssertClose(expected, dx, ClosedFormTolerance, at + " d/dx");
        var vx = new Variable(x);
        graph(vx).Backward();
        AssertClose(expected, vx.Grad!.Item(), ClosedFormTolerance, at + " graph d/dx");
    }

    public static void AtKink2(
        Func<double, double, (double Value, double DX, double DY)> withGradient,
        Func<Variable, Variable, Variable> graph,
        double x,
        double y,
        (double DX, double DY) expected,
        [CallerArgumentExpression(nameof(withGradient))] string name = "")
    {
        var at = Format($"{name}({x}, {y})");
        var (_, dx, dy) = withGradient(x, y);
        AssertClose(expected.DX, dx, ClosedFormTolerance, at + " d/dx");
        AssertClose(expected.DY, dy, ClosedFormTolerance, at + " d/dy");
        var (vx, vy) = (new Variable(x), new Variable(y));
        graph(vx, vy).Backward();
        AssertClose(expected.DX, vx.Grad!.Item(), ClosedFormTolerance, at + " graph d/dx");
        AssertClose(expected.DY, vy.Grad!.Item(), ClosedFormTolerance, at + " graph d/dy");
    }

    /// <summary>Central difference of g(h) = f(at + h) with a step of about 1e-6 relative to <paramref name="at"/>.</summary>
    public static double Central(Func<double, double> g, double at)
    {
        var h = 1e-6 * Math.Max(1, Math.Abs(at));
        return (g(h) - g(-h)) / (2 * h);
    }

    /// <summary>Equal within <paramref name="relative"/> of the larger magnitude (and a hair absolute, for zeros); NaN equals NaN.</summary>
    public static void AssertClose(double expected, double actual, double relative, string what)
    {
        if (expected.Equals(actual))
        {
            return;
        }

        var scale = Math.Max(Math.Abs(expected), Math.Abs(actual));
        var absolute = relative == NumericalTolerance ? 1e-7 : 1e-14;
        if (!(Math.Abs(expected - actual) <= relative * scale + absolute))
        {
            throw new XunitException(Format($"{what}: expected {expected:R}, got {actual:R} (difference {expected - actual:R})"));
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
