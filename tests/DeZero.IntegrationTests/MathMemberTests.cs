using System;
using System.Collections.Generic;
using DeZero.IntegrationTests.Functions;
using Xunit;

namespace DeZero.IntegrationTests;

/// <summary>Every supported System.Math member, at points inside its smooth domain.</summary>
public sealed class MathMemberTests
{
    private sealed record Row(
        Func<double, double> F,
        Func<double, (double Value, double DX)> WithGradient,
        Func<Variable, Variable> Graph,
        Func<double, double> Derivative,
        double[] Points);

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["Abs"] = new(MathMembers.Abs, MathMembers.AbsWithGradient, MathMembers.Abs, x => Math.Sign(x), [-2, -0.3, 0.4, 5]),
        ["Acos"] = new(MathMembers.Acos, MathMembers.AcosWithGradient, MathMembers.Acos, x => -1 / Math.Sqrt(1 - x * x), [-0.9, -0.2, 0, 0.5, 0.8]),
        ["Acosh"] = new(MathMembers.Acosh, MathMembers.AcoshWithGradient, MathMembers.Acosh, x => 1 / Math.Sqrt(x * x - 1), [1.1, 2, 10]),
        ["Asin"] = new(MathMembers.Asin, MathMembers.AsinWithGradient, MathMembers.Asin, x => 1 / Math.Sqrt(1 - x * x), [-0.9, 0, 0.3, 0.7]),
        ["Asinh"] = new(MathMembers.Asinh, MathMembers.AsinhWithGradient, MathMembers.Asinh, x => 1 / Math.Sqrt(x * x + 1), [-3, 0, 0.5, 4]),
        ["Atan"] = new(MathMembers.Atan, MathMembers.AtanWithGradient, MathMembers.Atan, x => 1 / (1 + x * x), [-3, 0, 0.5, 4]),
        ["Atanh"] = new(MathMembers.Atanh, MathMembers.AtanhWithGradient, MathMembers.Atanh, x => 1 / (1 - x * x), [-0.9, 0, 0.4, 0.75]),
        ["Cbrt"] = new(MathMembers.Cbrt, MathMembers.CbrtWithGradient, MathMembers.Cbrt, x => 1 / (3 * Math.Cbrt(x) * Math.Cbrt(x)), [-8, -0.5, 0.2, 27]),
        // Rounding functions have derivative 0, so d/dx [Ceiling(x)·x] = Ceiling(x).
        ["Ceiling"] = new(MathMembers.Ceiling, MathMembers.CeilingWithGradient, MathMembers.Ceiling, x => Math.Ceiling(x), [-1.5, -0.2, 0.3, 2.7]),
        ["Floor"] = new(MathMembers.Floor, MathMembers.FloorWithGradient, MathMembers.Floor, x => Math.Floor(x), [-1.5, -0.2, 0.3, 2.7]),
        ["Round"] = new(MathMembers.Round, MathMembers.RoundWithGradient, MathMembers.Round, x => Math.Round(x), [-1.7, -0.2, 0.3, 2.7]),
        ["Truncate"] = new(MathMembers.Truncate, MathMembers.TruncateWithGradient, MathMembers.Truncate, x => Math.Truncate(x), [-1.5, -0.2, 0.3, 2.7]),
        ["Sign"] = new(MathMembers.Sign, MathMembers.SignWithGradient, MathMembers.Sign, x => Math.Sign(x), [-1.5, -0.2, 0.3, 2.7]),
        ["Cos"] = new(MathMembers.Cos, MathMembers.CosWithGradient, MathMembers.Cos, x => -Math.Sin(x), [-2, 0, 1, 3]),
        ["Cosh"] = new(MathMembers.Cosh, MathMembers.CoshWithGradient, MathMembers.Cosh, x => Math.Sinh(x), [-2, 0, 1, 3]),
        ["Exp"] = new(MathMembers.Exp, MathMembers.ExpWithGradient, MathMembers.Exp, x => Math.Exp(x), [-2, 0, 1, 3]),
        ["Log"] = new(MathMembers.Log, MathMembers.LogWithGradient, MathMembers.Log, x => 1 / x, [0.1, 1, 2.5, 100]),
        ["Log10"] = new(MathMembers.Log10, MathMembers.Log10WithGradient, MathMembers.Log10, x => 1 / (x * Math.Log(10)), [0.1, 1, 2.5, 100]),
        ["Log2"] = new(MathMembers.Log2, MathMembers.Log2WithGradient, MathMembers.Log2, x => 1 / (x * Math.Log(2)), [0.1, 1, 2.5, 100]),
        ["Sin"] = new(MathMembers.Sin, MathMembers.SinWithGradient, MathMembers.Sin, x => Math.Cos(x), [-2, 0, 1, 3]),
        ["Sinh"] = new(MathMembers.Sinh, MathMembers.SinhWithGradient, MathMembers.Sinh, x => Math.Cosh(x), [-2, 0, 1, 3]),
        ["Sqrt"] = new(MathMembers.Sqrt, MathMembers.SqrtWithGradient, MathMembers.Sqrt, x => 1 / (2 * Math.Sqrt(x)), [0.01, 1, 2, 50]),
        ["Tan"] = new(MathMembers.Tan, MathMembers.TanWithGradient, MathMembers.Tan, x => 1 / (Math.Cos(x) * Math.Cos(x)), [-1.2, 0, 0.5, 1.4]),
        ["Tanh"] = new(MathMembers.Tanh, MathMembers.TanhWithGradient, MathMembers.Tanh, x => 1 - Math.Tanh(x) * Math.Tanh(x), [-2, 0, 0.5, 3]),
    };

    public static TheoryData<string> UnaryNames => [.. Rows.Keys];

    [Theory]
    [MemberData(nameof(UnaryNames))]
    public void UnaryMember_InsideDomain_MatchesClosedForm(string name)
    {
        var row = Rows[name];
        Gradients.Check1(row.F, row.WithGradient, row.Graph, row.Derivative, row.Points, name);
    }

    [Fact]
    public void Atan2_AwayFromOrigin_MatchesClosedForm() =>
        // atan2(y, x): ∂y = x / (x² + y²), ∂x = -y / (x² + y²); the method's parameters are (y, x).
        Gradients.Check2(MathMembers.Atan2, MathMembers.Atan2WithGradient, MathMembers.Atan2,
            (y, x) => (x / (x * x + y * y), -y / (x * x + y * y)),
            [(1, 1), (-0.5, 2), (3, -1), (-2, -2), (0, 1)]);

    [Fact]
    public void LogWithBase_SeveralPoints_MatchesClosedForm() =>
        // log_b x = ln x / ln b: ∂x = 1 / (x ln b), ∂b = -ln x / (b (ln b)²).
        Gradients.Check2(MathMembers.LogBase, MathMembers.LogBaseWithGradient, MathMembers.LogBase,
            (x, b) => (1 / (x * Math.Log(b)), -Math.Log(x) / (b * Math.Log(b) * Math.Log(b))),
            [(2, 3), (0.5, 10), (100, 0.5), (7, 2)]);

    [Fact]
    public void Max_NoTie_GradientGoesToTheLarger() =>
        Gradients.Check2(MathMembers.Max, MathMembers.MaxWithGradient, MathMembers.Max,
            (x, y) => x > y ? (1.0, 0.0) : (0.0, 1.0),
            [(1, 2), (3, -1), (-0.5, -0.25)]);

    [Fact]
    public void Min_NoTie_GradientGoesToTheSmaller() =>
        Gradients.Check2(MathMembers.Min, MathMembers.MinWithGradient, MathMembers.Min,
            (x, y) => x < y ? (1.0, 0.0) : (0.0, 1.0),
            [(1, 2), (3, -1), (-0.5, -0.25)]);

    [Fact]
    public void Pow_PositiveBase_MatchesClosedForm() =>
        // x^y: ∂x = y·x^(y-1), ∂y = x^y ln x.
        Gradients.Check2(MathMembers.Pow, MathMembers.PowWithGradient, MathMembers.Pow,
            (x, y) => (y * Math.Pow(x, y - 1), Math.Pow(x, y) * Math.Log(x)),
            [(2, 3), (0.5, -1.5), (3, 0.5), (1, 7), (4.2, 2.2)]);

    [Fact]
    public void Clamp_InsideAndOutside_GradientGoesToWhicheverIsReturned() =>
        Gradients.Check3(MathMembers.Clamp, MathMembers.ClampWithGradient, MathMembers.Clamp,
            (x, lo, hi) => x < lo ? (0, 1, 0) : x > hi ? (0, 0, 1) : (1, 0, 0),
            [(0.5, 0, 1), (-2, -1, 1), (3, -1, 1), (0, -0.5, 0.5)]);

    [Fact]
    public void FusedMultiplyAdd_SeveralPoints_MatchesClosedForm() =>
        // a·b + c: (b, a, 1).
        Gradients.Check3(MathMembers.FusedMultiplyAdd, MathMembers.FusedMultiplyAddWithGradient, MathMembers.FusedMultiplyAdd,
            (a, b, c) => (b, a, 1),
            [(1, 2, 3), (-0.5, 4, 0), (0, 0, 0), (2.5, -1.5, 7)]);

    [Fact]
    public void DoubleMembers_SameMembersOnDouble_MatchesClosedForm() =>
        // f = √x·e^y + sin(xy) + ln x / ln 3 + x^y + |y| + max(x, y) + ∛x + atan2(y, x) + clamp(y, -1, 1)
        Gradients.Check2(MathMembers.DoubleMembers, MathMembers.DoubleMembersWithGradient, MathMembers.DoubleMembers,
            (x, y) => (
                Math.Exp(y) / (2 * Math.Sqrt(x)) + y * Math.Cos(x * y) + 1 / (x * Math.Log(3)) + y * Math.Pow(x, y - 1)
                    + (x > y ? 1 : 0) + 1 / (3 * Math.Cbrt(x) * Math.Cbrt(x)) - y / (x * x + y * y),
                Math.Sqrt(x) * Math.Exp(y) + x * Math.Cos(x * y) + Math.Pow(x, y) * Math.Log(x) + Math.Sign(y)
                    + (y > x ? 1 : 0) + x / (x * x + y * y) + (y >= -1 && y <= 1 ? 1 : 0)),
            [(0.5, 0.25), (2, -0.5), (1.5, 3), (4, -2), (0.3, 1.7)]);

    [Fact]
    public void UsingStatic_MembersWithoutMathPrefix_MatchesClosedForm() =>
        // f = sin x·e^y + √(x² + y²) + π atan y.
        Gradients.Check2(UsingStatic.Mixed, UsingStatic.MixedWithGradient, UsingStatic.Mixed,
            (x, y) => (
                Math.Cos(x) * Math.Exp(y) + x / Math.Sqrt(x * x + y * y),
                Math.Sin(x) * Math.Exp(y) + y / Math.Sqrt(x * x + y * y) + Math.PI / (1 + y * y)),
            [(1, 1), (-0.5, 2), (3, -1), (0.2, -0.3)]);
}
