using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DeZero.Generators.Calculus;
using DeZero.Generators.Model;
using DeZero.Generators.Tests.Infrastructure;
using Xunit;

namespace DeZero.Generators.Tests.Calculus;

// Inside the namespace, so it wins over DeZero.Variable of the runtime, which an enclosing namespace finds first.
using Variable = DeZero.Generators.Model.Variable;

/// <summary>
/// Layer 1, no Roslyn: every entry of the catalog of <c>System.Math</c> members, its derivative rule against a
/// closed form written here by hand and against central differences, and its convention at the kinks.
/// </summary>
public sealed class CatalogTests
{
    /// <summary>The partials of each entry, by hand, keyed by name and arity.</summary>
    private static readonly Dictionary<(string, int), Func<double[], double[]>> ClosedForms = new()
    {
        [("Abs", 1)] = x => [Math.Sign(x[0])],
        [("Acos", 1)] = x => [-1 / Math.Sqrt(1 - (x[0] * x[0]))],
        [("Acosh", 1)] = x => [1 / Math.Sqrt((x[0] * x[0]) - 1)],
        [("Asin", 1)] = x => [1 / Math.Sqrt(1 - (x[0] * x[0]))],
        [("Asinh", 1)] = x => [1 / Math.Sqrt((x[0] * x[0]) + 1)],
        [("Atan", 1)] = x => [1 / (1 + (x[0] * x[0]))],
        [("Atan2", 2)] = x => [x[1] / ((x[0] * x[0]) + (x[1] * x[1])), -x[0] / ((x[0] * x[0]) + (x[1] * x[1]))],
        [("Atanh", 1)] = x => [1 / (1 - (x[0] * x[0]))],
        [("Cbrt", 1)] = x => [1 / (3 * Math.Pow(Math.Cbrt(x[0]), 2))],
        [("Ceiling", 1)] = _ => [0],
        [("Clamp", 3)] = x => x[0] < x[1] ? [0, 1, 0] : x[0] > x[2] ? [0, 0, 1] : [1, 0, 0],
        [("Cos", 1)] = x => [-Math.Sin(x[0])],
        [("Cosh", 1)] = x => [Math.Sinh(x[0])],
        [("Exp", 1)] = x => [Math.Exp(x[0])],
        [("Floor", 1)] = _ => [0],
        [("FusedMultiplyAdd", 3)] = x => [x[1], x[0], 1],
        [("Log", 1)] = x => [1 / x[0]],
        [("Log", 2)] = x => [1 / (x[0] * Math.Log(x[1])), -Math.Log(x[0]) / (x[1] * Math.Log(x[1]) * Math.Log(x[1]))],
        [("Log10", 1)] = x => [1 / (x[0] * Math.Log(10))],
        [("Log2", 1)] = x => [1 / (x[0] * Math.Log(2))],
        [("Max", 2)] = x => x[0] > x[1] ? [1, 0] : x[0] < x[1] ? [0, 1] : [0.5, 0.5],
        [("Min", 2)] = x => x[0] < x[1] ? [1, 0] : x[0] > x[1] ? [0, 1] : [0.5, 0.5],
        [("Pow", 2)] = x => [x[1] * Math.Pow(x[0], x[1] - 1), Math.Pow(x[0], x[1]) * Math.Log(x[0])],
        [("Round", 1)] = _ => [0],
        [("Sign", 1)] = _ => [0],
        [("Sin", 1)] = x => [Math.Cos(x[0])],
        [("Sinh", 1)] = x => [Math.Cosh(x[0])],
        [("Sqrt", 1)] = x => [0.5 / Math.Sqrt(x[0])],
        [("Tan", 1)] = x => [1 / (Math.Cos(x[0]) * Math.Cos(x[0]))],
        [("Tanh", 1)] = x => [1 - (Math.Tanh(x[0]) * Math.Tanh(x[0]))],
        [("Truncate", 1)] = _ => [0],
        [("CopySign", 2)] = x => [Math.Sign(x[0]) * (double.IsNegative(x[1]) ? -1 : 1), 0],
        [("IEEERemainder", 2)] = x => [1, -Math.Round(x[0] / x[1])],
        [("Ieee754Remainder", 2)] = x => [1, -Math.Round(x[0] / x[1])],
        [("MaxMagnitude", 2)] = x => Math.Abs(x[0]) > Math.Abs(x[1]) ? [1, 0] : [0, 1],
        [("MinMagnitude", 2)] = x => Math.Abs(x[0]) < Math.Abs(x[1]) ? [1, 0] : [0, 1],
        [("ScaleB", 2)] = x => [Math.Pow(2, x[1]), 0],
        [("AcosPi", 1)] = x => [-1 / (Math.PI * Math.Sqrt(1 - (x[0] * x[0])))],
        [("AsinPi", 1)] = x => [1 / (Math.PI * Math.Sqrt(1 - (x[0] * x[0])))],
        [("AtanPi", 1)] = x => [1 / (Math.PI * (1 + (x[0] * x[0])))],
        [("Atan2Pi", 2)] = x => [x[1] / (Math.PI * ((x[0] * x[0]) + (x[1] * x[1]))), -x[0] / (Math.PI * ((x[0] * x[0]) + (x[1] * x[1])))],
        [("CosPi", 1)] = x => [-Math.PI * Math.Sin(Math.PI * x[0])],
        [("DegreesToRadians", 1)] = _ => [Math.PI / 180],
        [("Exp10", 1)] = x => [Math.Pow(10, x[0]) * Math.Log(10)],
        [("Exp10M1", 1)] = x => [Math.Pow(10, x[0]) * Math.Log(10)],
        [("Exp2", 1)] = x => [Math.Pow(2, x[0]) * Math.Log(2)],
        [("Exp2M1", 1)] = x => [Math.Pow(2, x[0]) * Math.Log(2)],
        [("ExpM1", 1)] = x => [Math.Exp(x[0])],
        [("Hypot", 2)] = x => [x[0] / Math.Sqrt((x[0] * x[0]) + (x[1] * x[1])), x[1] / Math.Sqrt((x[0] * x[0]) + (x[1] * x[1]))],
        [("Lerp", 3)] = x => [1 - x[2], x[2], x[1] - x[0]],
        [("Log10P1", 1)] = x => [1 / ((1 + x[0]) * Math.Log(10))],
        [("Log2P1", 1)] = x => [1 / ((1 + x[0]) * Math.Log(2))],
        [("LogP1", 1)] = x => [1 / (1 + x[0])],
        [("RadiansToDegrees", 1)] = _ => [180 / Math.PI],
        [("RootN", 2)] = x => [Math.Pow(x[0], (1 / x[1]) - 1) / x[1], 0],
        [("SinPi", 1)] = x => [Math.PI * Math.Cos(Math.PI * x[0])],
        [("TanPi", 1)] = x => [Math.PI / (Math.Cos(Math.PI * x[0]) * Math.Cos(Math.PI * x[0]))],
    };

    /// <summary>The entries whose second argument is an <c>int</c>: it takes whole values here and has no partial.</summary>
    private static readonly HashSet<string> IntSecondArgument = ["RootN", "ScaleB"];

    /// <summary>Points where each entry is smooth, inside its domain and away from its kinks.</summary>
    private static readonly double[][] Points1 = [[0.3], [0.77], [-0.45], [0.9]];

    private static readonly double[][] Points2 = [[0.3, 1.7], [2.5, 0.6], [0.8, -1.3], [1.9, 3.1]];

    private static readonly double[][] Points3 = [[0.3, -1.0, 1.0], [1.5, -1.0, 1.0], [-2.0, -1.0, 1.0], [0.7, 0.2, 2.0]];

    public static TheoryData<string, int> Entries()
    {
        var data = new TheoryData<string, int>();
        foreach (var entry in Catalog.Functions)
        {
            data.Add(entry.Name, entry.MinArity);
        }

        return data;
    }

    [Fact]
    public void Catalog_EveryEntry_HasAClosedFormHere()
    {
        var missing = Catalog.Functions.Where(f => !ClosedForms.ContainsKey((f.Name, f.MinArity))).Select(f => f.Name).ToArray();
        Assert.True(missing.Length == 0, "Entries without a closed form in this test: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Rule_AtSmoothPoints_MatchesClosedFormAndCentralDifferences(string name, int arity)
    {
        var points = arity switch { 1 => Points1, 2 => Points2, _ => Points3 };
        foreach (var point in points.Select(p => Shift(name, p)))
        {
            var rule = Partials(name, point);
            var closed = ClosedForms[(name, arity)](point);
            for (var i = 0; i < arity; i++)
            {
                if (i == 1 && IntSecondArgument.Contains(name))
                {
                    continue;
                }

                Assert.True(Close(rule[i], closed[i], 1e-13), $"{name} ∂{i} at ({string.Join(", ", point)}): rule {rule[i]:R}, closed form {closed[i]:R}");
                if (!IsPiecewiseConstant(name))
                {
                    var numeric = CentralDifference(name, point, i);
                    Assert.True(Close(rule[i], numeric, 1e-6), $"{name} ∂{i} at ({string.Join(", ", point)}): rule {rule[i]:R}, central difference {numeric:R}");
                }
            }
        }
    }

    [Theory]
    [InlineData("Abs", new[] { 0.0 }, new[] { 0.0 })]
    [InlineData("Max", new[] { 2.0, 2.0 }, new[] { 0.5, 0.5 })]
    [InlineData("Min", new[] { -1.0, -1.0 }, new[] { 0.5, 0.5 })]
    [InlineData("Clamp", new[] { -1.0, -1.0, 1.0 }, new[] { 1.0, 0.0, 0.0 })]
    [InlineData("Clamp", new[] { 1.0, -1.0, 1.0 }, new[] { 1.0, 0.0, 0.0 })]
    [InlineData("Atan2", new[] { 0.0, 0.0 }, new[] { 0.0, 0.0 })]
    [InlineData("Pow", new[] { 0.0, 2.5 }, new[] { 0.0, 0.0 })]
    [InlineData("Pow", new[] { -2.0, 3.0 }, new[] { 12.0, double.NaN })]
    [InlineData("Pow", new[] { 3.0, 0.0 }, new[] { 0.0, 1.0986122886681098 })]
    [InlineData("Floor", new[] { 2.0 }, new[] { 0.0 })]
    [InlineData("Hypot", new[] { 0.0, 0.0 }, new[] { 0.0, 0.0 })]
    [InlineData("Atan2Pi", new[] { 0.0, 0.0 }, new[] { 0.0, 0.0 })]
    [InlineData("CopySign", new[] { 0.0, -1.0 }, new[] { 0.0, 0.0 })]
    [InlineData("CopySign", new[] { 2.0, -0.0 }, new[] { -1.0, 0.0 })]
    [InlineData("CopySign", new[] { -2.0, -3.0 }, new[] { 1.0, 0.0 })]
    [InlineData("MaxMagnitude", new[] { 2.0, -2.0 }, new[] { 0.5, 0.5 })]
    [InlineData("MinMagnitude", new[] { -3.0, 3.0 }, new[] { 0.5, 0.5 })]
    [InlineData("IEEERemainder", new[] { 1.0, 2.0 }, new[] { 1.0, -0.0 })] // 1/2 rounds to 0 (to even): the remainder is x
    [InlineData("IEEERemainder", new[] { 3.0, 2.0 }, new[] { 1.0, -2.0 })] // 3/2 rounds to 2: the remainder is x - 2y
    [InlineData("Ieee754Remainder", new[] { 5.0, 2.0 }, new[] { 1.0, -2.0 })]
    [InlineData("RootN", new[] { 0.0, 3.0 }, new[] { double.PositiveInfinity, 0.0 })]
    public void Rule_AtKink_FollowsTheDocumentedConvention(string name, double[] point, double[] expected)
    {
        var rule = Partials(name, point);
        Assert.Equal(expected.Length, rule.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i].Equals(rule[i]), $"{name} ∂{i} at ({string.Join(", ", point)}): {rule[i]:R}, expected {expected[i]:R}");
        }
    }

    [Fact]
    public void Abs_AtNaN_GivesNaN()
    {
        Assert.True(double.IsNaN(Partials("Abs", [double.NaN])[0]));
    }

    [Theory]
    [InlineData("CopySign", 0)]
    [InlineData("MaxMagnitude", 0)]
    [InlineData("MaxMagnitude", 1)]
    [InlineData("MinMagnitude", 0)]
    [InlineData("MinMagnitude", 1)]
    public void Rule_NaNArgument_GivesNaN(string name, int at)
    {
        double[] point = [1.5, -0.5];
        point[at] = double.NaN;
        Assert.True(double.IsNaN(Partials(name, point)[0]), $"{name} with NaN as argument {at}");
    }

    [Fact]
    public void Conventions_EveryOne_IsInTheReadmeTable()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var table = readme[readme.IndexOf("### Conventions at non-differentiable points", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n#", 1, StringComparison.Ordinal)];
        foreach (var entry in Catalog.Functions.Where(f => f.Convention is not null))
        {
            Assert.True(table.Contains($"`{entry.Name}", StringComparison.Ordinal), $"Math.{entry.Name} has a convention ({entry.Convention}) that the README's table does not list");
        }
    }

    [Fact]
    public void Lanes_EveryOne_IsAVector256Member()
    {
        foreach (var entry in Catalog.Functions.Where(f => f.Lane is not null))
        {
            var member = typeof(System.Runtime.Intrinsics.Vector256).GetMethods().Where(m => m.Name == entry.Lane && m.GetParameters().Length == entry.MinArity);
            Assert.True(member.Any(), $"Math.{entry.Name} claims the lane Vector256.{entry.Lane}, which does not exist");
        }
    }

    [Fact]
    public void Find_ByNameAndArity_TakesTheOverloadOfThatArity()
    {
        Assert.Equal(1, Catalog.Find("Log", 1)!.MinArity);
        Assert.Equal(2, Catalog.Find("Log", 2)!.MinArity);
        Assert.NotNull(Catalog.Find("Round", 3));
        Assert.Null(Catalog.Find("Exp", 2));
        Assert.Null(Catalog.Find("BitIncrement", 1));
    }

    /// <summary>The rule of an entry evaluated at a point, through the differentiator's own entry point.</summary>
    private static double[] Partials(string name, double[] point)
    {
        var arguments = point.Select((_, i) => (Expr)new Variable("a" + i, KindOf(name, i))).ToArray();
        var call = new MathCall(name, arguments.ToEquatableArray(), ValueKind.Double);
        var variables = point.Select((v, i) => ("a" + i, v)).ToDictionary(p => p.Item1, p => p.v);
        var interpreter = new Interpreter();
        variables["t"] = interpreter.Evaluate(call, variables);
        var partials = Derivatives.Partials(call, new Variable("t", ValueKind.Double))!;
        return partials.Take(point.Length).Select(p => interpreter.Evaluate(p, variables)).ToArray();
    }

    private static double CentralDifference(string name, double[] point, int i)
    {
        const double h = 1e-6;
        var kinds = point.Select((_, k) => KindOf(name, k)).ToArray();
        var up = (double[])point.Clone();
        var down = (double[])point.Clone();
        up[i] += h;
        down[i] -= h;
        return (Interpreter.MathMember(name, up, kinds) - Interpreter.MathMember(name, down, kinds)) / (2 * h);
    }

    private static ValueKind KindOf(string name, int argument) =>
        argument == 1 && IntSecondArgument.Contains(name) ? ValueKind.Int : ValueKind.Double;

    /// <summary>Moves a point into the entry's domain: above 1 for Acosh, positive where a logarithm needs it.</summary>
    private static double[] Shift(string name, double[] point) => name switch
    {
        "Acosh" => [1.5 + Math.Abs(point[0])],
        "RootN" => [Math.Abs(point[0]) + 0.2, Math.Round(point[1]) is var n && n != 0 ? n : 3],
        "ScaleB" => [point[0], Math.Round(point[1])],
        // Away from the jumps of the rounded quotient (x / y a half-integer).
        "IEEERemainder" or "Ieee754Remainder" => [point[0] + 0.13, point[1]],
        "Log" or "Log10" or "Log2" or "Sqrt" or "Cbrt" or "Pow" => point.Select((v, i) => i == 0 || name == "Log" ? Math.Abs(v) + 0.2 : v).ToArray(),
        "Round" or "Floor" or "Ceiling" or "Truncate" => point.Take(1).ToArray(),
        _ => point,
    };

    private static bool IsPiecewiseConstant(string name) => Catalog.Functions.First(f => f.Name == name).IsPiecewiseConstant;

    private static bool Close(double a, double b, double tolerance) =>
        a.Equals(b) || Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Abs(a) + Math.Abs(b));

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
