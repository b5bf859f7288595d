using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace DeZero.Tests;

/// <summary>
/// Every built-in function differentiated four times by double backpropagation (<c>Backward(createGraph: true)</c>
/// over and over), on 0-d variables and on arrays, against closed forms at 1e-11 relative; and a mixed second partial
/// of each function of two or three variables.
/// </summary>
public sealed class HigherOrderBuiltInTests
{
    private static double Sigmoid(double x) => 0.5 * Math.Tanh(0.5 * x) + 0.5;

    /// <summary>The first four derivatives of each function of one variable, and points inside its domain.</summary>
    private static readonly Dictionary<string, (Func<Variable, Variable> F, Func<double, double[]> Derivatives, double[] Points)> Unary = new()
    {
        ["Exp"] = (Functions.Exp, x => [Math.Exp(x), Math.Exp(x), Math.Exp(x), Math.Exp(x)], [0.3, -0.45, 1.7]),
        ["Log"] = (Functions.Log, x => [1 / x, -1 / (x * x), 2 / (x * x * x), -6 / (x * x * x * x)], [0.7, 1.9, 3.2]),
        ["Sin"] = (Functions.Sin, x => [Math.Cos(x), -Math.Sin(x), -Math.Cos(x), Math.Sin(x)], [0.3, -0.45, 2.8]),
        ["Cos"] = (Functions.Cos, x => [-Math.Sin(x), -Math.Cos(x), Math.Sin(x), Math.Cos(x)], [0.3, -0.45, 2.8]),
        ["Tan"] = (Functions.Tan, x =>
        {
            var t = Math.Tan(x);
            var s = 1 + (t * t);
            return [s, 2 * t * s, s * (2 + (6 * t * t)), s * ((16 * t) + (24 * t * t * t))];
        }, [0.3, -0.45, 1.1]),
        ["Tanh"] = (Functions.Tanh, x =>
        {
            var t = Math.Tanh(x);
            var s = 1 - (t * t);
            return [s, -2 * t * s, s * ((6 * t * t) - 2), t * s * (16 - (24 * t * t))];
        }, [0.3, -0.45, 1.0]),
        ["Sinh"] = (Functions.Sinh, x => [Math.Cosh(x), Math.Sinh(x), Math.Cosh(x), Math.Sinh(x)], [0.3, -0.45, 1.7]),
        ["Cosh"] = (Functions.Cosh, x => [Math.Sinh(x), Math.Cosh(x), Math.Sinh(x), Math.Cosh(x)], [0.3, -0.45, 1.7]),
        ["Asin"] = (Functions.Asin, x =>
        {
            var s = 1 - (x * x);
            return [Math.Pow(s, -0.5), x * Math.Pow(s, -1.5), (1 + (2 * x * x)) * Math.Pow(s, -2.5), ((6 * x * x * x) + (9 * x)) * Math.Pow(s, -3.5)];
        }, [0.3, -0.45, 0.8]),
        ["Acos"] = (Functions.Acos, x =>
        {
            var s = 1 - (x * x);
            return [-Math.Pow(s, -0.5), -x * Math.Pow(s, -1.5), -(1 + (2 * x * x)) * Math.Pow(s, -2.5), -((6 * x * x * x) + (9 * x)) * Math.Pow(s, -3.5)];
        }, [0.3, -0.45, 0.8]),
        ["Atan"] = (Functions.Atan, x =>
        {
            var s = 1 + (x * x);
            return [1 / s, -2 * x / (s * s), ((6 * x * x) - 2) / (s * s * s), ((24 * x) - (24 * x * x * x)) / (s * s * s * s)];
        }, [0.3, -0.45, 1.7]),
        ["Sqrt"] = (Functions.Sqrt, x => [0.5 * Math.Pow(x, -0.5), -0.25 * Math.Pow(x, -1.5), 0.375 * Math.Pow(x, -2.5), -0.9375 * Math.Pow(x, -3.5)], [0.7, 1.9, 3.2]),
        ["Square"] = (Functions.Square, x => [2 * x, 2, 0, 0], [0.3, -0.45, 1.7]),
        ["Abs"] = (Functions.Abs, x => [Math.Sign(x), 0, 0, 0], [0.3, -0.45, 1.7]),
        ["Neg"] = (Functions.Neg, x => [-1, 0, 0, 0], [0.3, -0.45, 1.7]),
        ["Sigmoid"] = (Functions.Sigmoid, x =>
        {
            var s = Sigmoid(x);
            var d = s * (1 - s);
            return [d, d * (1 - (2 * s)), d * (1 - (6 * s) + (6 * s * s)), d * (1 - (2 * s)) * (1 - (12 * s) + (12 * s * s))];
        }, [0.3, -0.45, 1.7]),
        ["Pow"] = (x => Functions.Pow(x, 3.5), x => [3.5 * Math.Pow(x, 2.5), 8.75 * Math.Pow(x, 1.5), 13.125 * Math.Pow(x, 0.5), 6.5625 * Math.Pow(x, -0.5)], [0.7, 1.9, 3.2]),
        ["PowIntegerOfNegative"] = (x => Functions.Pow(x, 5), x => [5 * Math.Pow(x, 4), 20 * Math.Pow(x, 3), 60 * x * x, 120 * x], [-0.7, -1.9, 1.3]),
    };

    private const double C = 0.7;

    /// <summary>Functions of two or three variables along their first, the others fixed at <see cref="C"/> (and 1.8), with ∂²/∂x∂c.</summary>
    private static readonly Dictionary<string, (Func<Variable, Variable, Variable> F, Func<double, double[]> Derivatives, Func<double, double> Mixed, double[] Points)> Binary = new()
    {
        ["Add"] = ((x, c) => x + c, _ => [1, 0, 0, 0], _ => 0, [0.3, -0.45]),
        ["Sub"] = ((x, c) => x - c, _ => [1, 0, 0, 0], _ => 0, [0.3, -0.45]),
        ["Mul"] = ((x, c) => x * c, _ => [C, 0, 0, 0], _ => 1, [0.3, -0.45]),
        ["Div"] = ((x, c) => x / c, _ => [1 / C, 0, 0, 0], _ => -1 / (C * C), [0.3, -0.45]),
        ["DivBy"] = ((x, c) => c / x, x => [-C / (x * x), 2 * C / (x * x * x), -6 * C / (x * x * x * x), 24 * C / (x * x * x * x * x)], x => -1 / (x * x), [0.3, -0.45, 1.9]),
        ["Maximum"] = (Functions.Maximum, x => x > C ? [1, 0, 0, 0] : [0, 0, 0, 0], _ => 0, [0.3, 1.9]),
        ["Minimum"] = (Functions.Minimum, x => x < C ? [1, 0, 0, 0] : [0, 0, 0, 0], _ => 0, [0.3, 1.9]),
        ["PowOfBase"] = (Functions.Pow, x => [C * Math.Pow(x, C - 1), C * (C - 1) * Math.Pow(x, C - 2), C * (C - 1) * (C - 2) * Math.Pow(x, C - 3), C * (C - 1) * (C - 2) * (C - 3) * Math.Pow(x, C - 4)],
            x => Math.Pow(x, C - 1) * (1 + (C * Math.Log(x))), [0.3, 1.9]),
        ["PowOfExponent"] = ((x, c) => Functions.Pow(c, x), x => [Math.Pow(C, x) * Math.Log(C), Math.Pow(C, x) * Math.Pow(Math.Log(C), 2), Math.Pow(C, x) * Math.Pow(Math.Log(C), 3), Math.Pow(C, x) * Math.Pow(Math.Log(C), 4)],
            x => Math.Pow(C, x - 1) * (1 + (x * Math.Log(C))), [0.3, -0.45, 1.9]),
        ["Clip"] = ((x, c) => Functions.Clip(x, -C, C), x => Math.Abs(x) <= C ? [1, 0, 0, 0] : [0, 0, 0, 0], _ => 0, [0.3, -0.45, 1.9]),
    };

    public static TheoryData<string> UnaryNames() => [.. Unary.Keys];

    public static TheoryData<string> BinaryNames() => [.. Binary.Keys];

    [Fact]
    public void Table_EveryBuiltInFunction_IsHere()
    {
        string[] covered = [.. Unary.Keys, .. Binary.Keys, "Add", "Sub", "Mul", "Div", "Neg", "Clip", "Pow"];
        var missing = typeof(Functions).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(m => m.Name)
            .Distinct()
            .Where(name => !covered.Contains(name))
            .ToArray();
        Assert.True(missing.Length == 0, "Built-ins without a higher-order test: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(UnaryNames))]
    public void Unary_ZeroDimensional_FourDerivativesMatchClosedForms(string name)
    {
        var (f, derivatives, points) = Unary[name];
        foreach (var point in points)
        {
            var x = new Variable(point);
            var computed = Derivatives(x, () => f(x), 4);
            var expected = derivatives(point);
            for (var k = 0; k < 4; k++)
            {
                Assert.True(computed[k] is { } value ? IsClose(expected[k], value.Item()) : expected[k] == 0,
                    $"{name}: derivative {k + 1} at {point}: expected {expected[k]:R}, got {computed[k]?.Item().ToString("R", null) ?? "none"}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(UnaryNames))]
    public void Unary_Array_FourDerivativesMatchClosedFormsPerElement(string name)
    {
        var (f, derivatives, points) = Unary[name];
        var x = new Variable(new NDArray(points));
        var computed = Derivatives(x, () => f(x), 4);
        for (var k = 0; k < 4; k++)
        {
            for (var i = 0; i < points.Length; i++)
            {
                var expected = derivatives(points[i])[k];
                Assert.True(computed[k] is { } value ? IsClose(expected, value[i]) : expected == 0,
                    $"{name}: derivative {k + 1} at {points[i]}: expected {expected:R}, got {computed[k]?[i].ToString("R", null) ?? "none"}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(BinaryNames))]
    public void Binary_AlongTheFirstOperand_FourDerivativesOnArraysAgainstAZeroDimensionalOther(string name)
    {
        var (f, derivatives, _, points) = Binary[name];
        var x = new Variable(new NDArray(points));
        var c = new Variable(C);
        var computed = Derivatives(x, () => f(x, c), 4);
        for (var k = 0; k < 4; k++)
        {
            for (var i = 0; i < points.Length; i++)
            {
                var expected = derivatives(points[i])[k];
                Assert.True(computed[k] is { } value ? IsClose(expected, value[i]) : expected == 0,
                    $"{name}: derivative {k + 1} at {points[i]}: expected {expected:R}, got {computed[k]?[i].ToString("R", null) ?? "none"}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(BinaryNames))]
    public void Binary_MixedSecondPartial_MatchesClosedForm(string name)
    {
        var (f, _, mixed, points) = Binary[name];
        foreach (var point in points)
        {
            var x = new Variable(point);
            var c = new Variable(C);
            f(x, c).Backward(createGraph: true);
            var gx = x.GradVariable!;
            x.ClearGrad();
            c.ClearGrad();
            gx.Backward();
            var expected = mixed(point);
            Assert.True(c.Grad is { } grad ? IsClose(expected, grad.Item()) : expected == 0,
                $"{name}: ∂²/∂x∂c at {point}: expected {expected:R}, got {c.Grad?.Item().ToString("R", null) ?? "none"}");
        }
    }

    /// <summary>
    /// The first <paramref name="orders"/> derivatives of <paramref name="f"/> by <paramref name="x"/>, each the gradient
    /// of the one before: null once there is none (a derivative that no longer depends on x, as in DeZero).
    /// </summary>
    private static NDArray?[] Derivatives(Variable x, Func<Variable> f, int orders)
    {
        var results = new NDArray?[orders];
        f().Backward(createGraph: true);
        for (var k = 0; k < orders; k++)
        {
            var gx = x.GradVariable;
            results[k] = gx?.Data;
            if (gx is null)
            {
                break;
            }

            x.ClearGrad();
            gx.Backward(createGraph: true);
        }

        return results;
    }

    private static bool IsClose(double expected, double actual) =>
        Math.Abs(expected - actual) <= 1e-11 * Math.Max(1, Math.Abs(expected));
}
