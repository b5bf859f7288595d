using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using DeZero.Generators.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace DeZero.Generators.Tests.Generator;

/// <summary>
/// Random expression bodies through the real generator: <c>…WithGradient</c> against central differences
/// of the user's own method (an oracle that never touches generated code) and against the graph path.
/// </summary>
/// <remarks>
/// Bodies come from a CsCheck generator driven by a fixed <see cref="PCG"/> seed per batch, so a failure
/// reproduces exactly; there is no shrinking (each attempt would be a whole compilation), instead the
/// failing body, point and numbers are printed. Each batch is one compilation of
/// <see cref="MethodsPerCompilation"/> methods, emitted into a collectible load context.
/// </remarks>
public sealed class PropertyTests(ITestOutputHelper output)
{
    private const int MethodsPerCompilation = 250;
    private const int PointsPerMethod = 4;

    /// <summary>
    /// Eight fixed batches in CI; <c>DEZERO_PROPERTY_BATCHES=N</c> runs N batches (seeds 0 to N-1, the first eight the
    /// same as CI's) for a longer run.
    /// </summary>
    public static TheoryData<int> Batches =>
        [.. Enumerable.Range(0, int.TryParse(Environment.GetEnvironmentVariable("DEZERO_PROPERTY_BATCHES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 8)];

    [Theory]
    [MemberData(nameof(Batches))]
    public void WithGradient_RandomBodies_AgreesWithNumericalAndGraph(int batch)
    {
        var pcg = new PCG(stream: 17, seed: 0x5EED_0000UL + (ulong)batch);
        var bodies = Enumerable.Range(0, MethodsPerCompilation).Select(i => Body.Generate(pcg, null!, out var _)).ToArray();
        var source = Source(bodies);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = GeneratorHarness.Run(source);
        result.AssertNoGeneratorException();
        Assert.True(result.Diagnostics.IsEmpty, "Unexpected diagnostics:\n" + result.Describe(result.Diagnostics.Take(10)));

        var generated = clock.Elapsed;
        // Fails with the compiler's errors if user or generated code has any, or warnings in generated code.
        using var loaded = Emitter.Load(result.Output, result.Input.SyntaxTrees);
        var emitted = clock.Elapsed;
        var failures = new List<string>();
        var checkedPartials = 0;
        var skipped = 0;
        for (var m = 0; m < bodies.Length; m++)
        {
            var name = $"M{m}";
            var f = loaded.Delegate<Func<double, double, double>>("Random.Ops", name, typeof(double), typeof(double));
            var withGradient = loaded.Delegate<Func<double, double, (double, double, double)>>(
                "Random.Ops", name + "WithGradient", typeof(double), typeof(double));
            var graph = loaded.Delegate<Func<Variable, Variable, Variable>>("Random.Ops", name, typeof(Variable), typeof(Variable));

            var points = Enumerable.Range(0, PointsPerMethod)
                .Select(_ => (X: Point(pcg), Y: Point(pcg)))
                .ToArray();
            var fromWithGradient = new (double Value, double DX, double DY)[points.Length];
            for (var p = 0; p < points.Length; p++)
            {
                var (x, y) = points[p];
                var g = withGradient(x, y);
                fromWithGradient[p] = g;
                var value = f(x, y);
                if (!SameNumber(value, g.Item1, 1e-12))
                {
                    failures.Add(Describe(bodies[m], x, y, "value", g.Item1, value));
                }

                foreach (var (which, analytic) in new[] { ("d/dx", g.Item2), ("d/dy", g.Item3) })
                {
                    var numeric = CentralDifference.Of(which == "d/dx" ? h => f(x + h, y) : h => f(x, y + h), which == "d/dx" ? x : y);
                    if (numeric is not { } n || !double.IsFinite(analytic) || Math.Abs(analytic) > 1e8)
                    {
                        skipped++;
                        continue;
                    }

                    checkedPartials++;
                    if (Math.Abs(analytic - n.Value) > 1e-5 * Math.Max(Math.Abs(analytic), Math.Abs(n.Value)) + n.Tolerance)
                    {
                        failures.Add(Describe(bodies[m], x, y, which, analytic, n.Value));
                    }
                }
            }

            // The graph path over 1-d arrays: each element is an independent point.
            var xs = new Variable(new NDArray([.. points.Select(p => p.X)]));
            var ys = new Variable(new NDArray([.. points.Select(p => p.Y)]));
            var z = graph(xs, ys);
            z.Backward();
            var zData = z.Data.AsSpan();
            var gx = xs.Grad!.AsSpan();
            var gy = ys.Grad!.AsSpan();
            for (var p = 0; p < points.Length; p++)
            {
                var (x, y) = points[p];
                var expected = fromWithGradient[p];
                if (!SameNumber(zData[p], expected.Value, 1e-12))
                {
                    failures.Add(Describe(bodies[m], x, y, "graph value", zData[p], expected.Value));
                }

                if (!SameNumber(gx[p], expected.DX, 1e-10))
                {
                    failures.Add(Describe(bodies[m], x, y, "graph d/dx", gx[p], expected.DX));
                }

                if (!SameNumber(gy[p], expected.DY, 1e-10))
                {
                    failures.Add(Describe(bodies[m], x, y, "graph d/dy", gy[p], expected.DY));
                }
            }
        }

        output.WriteLine($"batch {batch}: {bodies.Length} bodies, {checkedPartials} partials checked numerically, {skipped} skipped as not smooth or not finite");
        output.WriteLine($"generate and check errors {generated.TotalSeconds:F1} s, emit {(emitted - generated).TotalSeconds:F1} s, evaluate {(clock.Elapsed - emitted).TotalSeconds:F1} s");
        Assert.True(checkedPartials > bodies.Length, $"Too few partials were smooth enough to check ({checkedPartials}).");
        Assert.True(failures.Count == 0, $"{failures.Count} disagreement(s), first ones:\n" + string.Join("\n\n", failures.Take(15)));
    }

    private static bool SameNumber(double a, double b, double relative) =>
        a.Equals(b) // NaN equals NaN, infinities equal themselves
        || Math.Abs(a - b) <= relative * Math.Max(Math.Abs(a), Math.Abs(b)) + 1e-300;

    // Uniform on [-2.5, 2.5] to three decimals. Not Gen.Double, which favours edge values such as 0:
    // kinks sit there, and this test is about smooth points (the conventions at kinks have their own tests).
    private static double Point(PCG pcg) => Math.Round(-2.5 + 5.0 * (pcg.Next64() >> 11) * Math.ScaleB(1, -53), 3);

    private static string Describe(string body, double x, double y, string what, double actual, double expected) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{what} at x = {x:R}, y = {y:R}: generated {actual:R}, expected {expected:R}\n    [Differentiable] static double F(double x, double y){(body.StartsWith('{') ? "\n    " : " => ")}{body.Replace("\n", "\n    ", StringComparison.Ordinal)}");

    private static string Source(string[] bodies)
    {
        var text = new StringBuilder("""
            using System;
            using DeZero;

            namespace Random;

            public static partial class Ops
            {
                // Callees whose …WithGradient the bodies call. Smooth with bounded curvature: a partial that grows with its
                // argument (u·cos u) would oscillate faster than central differences can follow where an argument is huge.
                [Differentiable]
                public static double H1(double a) => Math.Tanh(a) + 0.1 * a * a;

                [Differentiable]
                public static double H2(double a, double b) => Math.Atan(a) * b + Math.Tanh(a * b);


            """);
        for (var i = 0; i < bodies.Length; i++)
        {
            var body = bodies[i];
            text.AppendLine("    [Differentiable]");
            text.Append("    public static double M").Append(i).Append("(double x, double y)");
            text.AppendLine(body.StartsWith('{') ? "\n    " + body.Replace("\n", "\n    ", StringComparison.Ordinal) : " => " + body + ";");
            text.AppendLine();
        }

        return text.Append("}\n").ToString();
    }

    // ---- The generator of bodies (declared after the tables it reads: static fields initialise in order).

    private static readonly Dictionary<string, Gen<string>> Memo = [];

    private static Gen<string> Expr(int depth, string[] variables)
    {
        var key = depth + ":" + string.Join(",", variables);
        lock (Memo)
        {
            if (Memo.TryGetValue(key, out var memo))
            {
                return memo;
            }
        }

        var leaf = Gen.Frequency(
            (4, Gen.OneOf(variables)),
            (1, Gen.OneOf("0.5", "2", "3", "1.5", "0.25", "7", "Math.PI")));
        if (depth == 0)
        {
            return leaf;
        }

        var e = Expr(depth - 1, variables);
        var gen = Gen.Frequency(
            (2, leaf),
            (4, Gen.Select(e, Gen.OneOf("+", "-", "*"), e, (a, op, b) => $"({a} {op} {b})")),
            (1, Gen.Select(e, e, (a, b) => $"({a} / {b})")),
            (2, Gen.Select(e, e, (a, b) => $"({a} / (1 + {b} * {b}))")),
            // Scaled squares, which the generator differentiates as 2c·s·s' rather than by the product rule.
            (1, Gen.Select(e, Gen.OneOf("0.5", "-3", "4", "100"), Gen.Bool, (a, c, inside) => inside ? $"({a} * {c} * {a})" : $"({c} * {a} * {a})")),
            (1, e.Select(a => $"(-{a})")),
            (5, Gen.Select(e, Gen.OneOf(Unary), (a, f) => string.Format(CultureInfo.InvariantCulture, f, a))),
            (2, Gen.Select(e, e, Gen.OneOf(Binary), (a, b, f) => string.Format(CultureInfo.InvariantCulture, f, a, b))));
        lock (Memo)
        {
            Memo[key] = gen;
        }

        return gen;
    }

    // Unary forms, written so that most of the domain is smooth; where it is not (Tan, Pow(a, -1),
    // Abs) the central-difference check detects it and skips that point.
    private static readonly string[] Unary =
    [
        "Math.Sin({0})", "Math.Cos({0})", "Math.Tanh({0})", "Math.Atan({0})", "Math.Exp({0})", "Math.Sinh({0})",
        "Math.Cosh({0})", "Math.Asinh({0})", "Math.Log(1 + {0} * {0})", "Math.Sqrt(1 + {0} * {0})",
        "Math.Pow({0}, 2)", "Math.Pow({0}, 3)", "Math.Pow({0}, -1)", "Math.Pow({0}, -2)", "Math.Cbrt({0})",
        "Math.Log10(2 + Math.Sin({0}))", "Math.Log2(1 + Math.Exp({0}))", "Math.Tan({0})", "Math.Abs({0})",
        "double.Sqrt(2 + Math.Cos({0}))", "double.Exp(-{0} * {0})", "Math.Acos(Math.Tanh({0}) * 0.5)",
        "Math.Asin(Math.Sin({0}) * 0.5)", "Math.Atanh(Math.Tanh({0}) * 0.5)", "Math.Acosh(2 + {0} * {0})",
        "Math.Log(Math.Exp({0}) + 1, 3)",
    ];

    private static readonly string[] Binary =
    [
        "Math.Atan2({0}, {1})", "Math.Max({0}, {1})", "Math.Min({0}, {1})", "Math.FusedMultiplyAdd({0}, {1}, 0.5)",
        "Math.Pow(1 + {0} * {0}, Math.Sin({1}))", "Math.Sqrt({0} * {0} + {1} * {1} + 0.25)",

        // Calls to generated value-and-gradient methods: their partials differentiated through the callee's second derivatives.
        "H2WithGradient({0}, {1}).Value", "H2WithGradient({0}, {1}).DA", "H2WithGradient({0}, {1}).DB", "H1WithGradient({0} * {1}).DA",
    ];

    /// <summary>An expression body, or a block with two locals built from the parameters and each other.</summary>
    private static readonly Gen<string> Body = Gen.Frequency(
        (1, Expr(4, ["x", "y"])),
        (1, Gen.Select(Expr(3, ["x", "y"]), Expr(3, ["x", "y", "a"]), Expr(2, ["x", "y", "a"]), Expr(3, ["x", "y", "a", "b"]),
            Gen.OneOf("+=", "-=", "*=", "="),
            (a, b, update, result, op) => $"{{\n    double a = {a};\n    double b = {b};\n    a {op} {update};\n    return {result};\n}}")));
}
