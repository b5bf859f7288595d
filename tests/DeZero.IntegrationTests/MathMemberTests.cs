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
        ["AcosPi"] = new(MathMembers.AcosPi, MathMembers.AcosPiWithGradient, MathMembers.AcosPi, x => -1 / (Math.PI * Math.Sqrt(1 - x * x)), [-0.9, 0, 0.5, 0.8]),
        ["AsinPi"] = new(MathMembers.AsinPi, MathMembers.AsinPiWithGradient, MathMembers.AsinPi, x => 1 / (Math.PI * Math.Sqrt(1 - x * x)), [-0.9, 0, 0.3, 0.7]),
        ["AtanPi"] = new(MathMembers.AtanPi, MathMembers.AtanPiWithGradient, MathMembers.AtanPi, x => 1 / (Math.PI * (1 + x * x)), [-3, 0, 0.5, 4]),
        ["CosPi"] = new(MathMembers.CosPi, MathMembers.CosPiWithGradient, MathMembers.CosPi, x => -Math.PI * Math.Sin(Math.PI * x), [-1.3, 0, 0.25, 0.7]),
        ["SinPi"] = new(MathMembers.SinPi, MathMembers.SinPiWithGradient, MathMembers.SinPi, x => Math.PI * Math.Cos(Math.PI * x), [-1.3, 0, 0.25, 0.7]),
        ["TanPi"] = new(MathMembers.TanPi, MathMembers.TanPiWithGradient, MathMembers.TanPi, x => Math.PI / (Math.Cos(Math.PI * x) * Math.Cos(Math.PI * x)), [-0.3, 0, 0.2, 1.4]),
        // Of x²: 2x·π/180 and 2x·180/π.
        ["DegreesToRadians"] = new(MathMembers.DegreesToRadians, MathMembers.DegreesToRadiansWithGradient, MathMembers.DegreesToRadians, x => 2 * x * Math.PI / 180, [-30, 0.5, 90]),
        ["RadiansToDegrees"] = new(MathMembers.RadiansToDegrees, MathMembers.RadiansToDegreesWithGradient, MathMembers.RadiansToDegrees, x => 2 * x * 180 / Math.PI, [-3, 0.5, 1.5]),
        ["Exp2"] = new(MathMembers.Exp2, MathMembers.Exp2WithGradient, MathMembers.Exp2, x => Math.Pow(2, x) * Math.Log(2), [-2, 0, 1.5, 10]),
        ["Exp10"] = new(MathMembers.Exp10, MathMembers.Exp10WithGradient, MathMembers.Exp10, x => Math.Pow(10, x) * Math.Log(10), [-2, 0, 0.5, 3]),
        ["ExpM1"] = new(MathMembers.ExpM1, MathMembers.ExpM1WithGradient, MathMembers.ExpM1, x => Math.Exp(x), [-2, 1e-9, 0.5, 3]),
        ["Exp2M1"] = new(MathMembers.Exp2M1, MathMembers.Exp2M1WithGradient, MathMembers.Exp2M1, x => Math.Pow(2, x) * Math.Log(2), [-2, 1e-9, 1.5]),
        ["Exp10M1"] = new(MathMembers.Exp10M1, MathMembers.Exp10M1WithGradient, MathMembers.Exp10M1, x => Math.Pow(10, x) * Math.Log(10), [-2, 1e-9, 0.5]),
        ["LogP1"] = new(MathMembers.LogP1, MathMembers.LogP1WithGradient, MathMembers.LogP1, x => 1 / (1 + x), [-0.9, 1e-9, 2.5, 100]),
        ["Log2P1"] = new(MathMembers.Log2P1, MathMembers.Log2P1WithGradient, MathMembers.Log2P1, x => 1 / ((1 + x) * Math.Log(2)), [-0.9, 1e-9, 2.5, 100]),
        ["Log10P1"] = new(MathMembers.Log10P1, MathMembers.Log10P1WithGradient, MathMembers.Log10P1, x => 1 / ((1 + x) * Math.Log(10)), [-0.9, 1e-9, 2.5, 100]),
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

    [Fact]
    public void Atan2Pi_AwayFromOrigin_MatchesClosedForm() =>
        Gradients.Check2(MathMembers.Atan2Pi, MathMembers.Atan2PiWithGradient, MathMembers.Atan2Pi,
            (y, x) => (x / (Math.PI * (x * x + y * y)), -y / (Math.PI * (x * x + y * y))),
            [(1, 1), (-0.5, 2), (3, -1), (-2, -2), (0, 1)]);

    [Fact]
    public void Hypot_AwayFromOrigin_MatchesClosedForm() =>
        Gradients.Check2(MathMembers.Hypot, MathMembers.HypotWithGradient, MathMembers.Hypot,
            (x, y) => (x / Math.Sqrt(x * x + y * y), y / Math.Sqrt(x * x + y * y)),
            [(3, 4), (-0.5, 2), (1e-3, -1), (0, 1)]);

    [Fact]
    public void Lerp_SeveralPoints_MatchesClosedForm() =>
        // a(1 - t) + b t: (1 - t, t, b - a).
        Gradients.Check3(MathMembers.Lerp, MathMembers.LerpWithGradient, MathMembers.Lerp,
            (a, b, t) => (1 - t, t, b - a),
            [(1, 3, 0.25), (-2, 5, 0), (0.5, 0.5, 1), (4, -1, 1.7)]);

    [Fact]
    public void CopySign_SeveralSigns_MatchesClosedForm() =>
        // |x|·sign(s)·x: ∂x = 2|x|·sign(s), ∂s = 0.
        Gradients.Check2(MathMembers.CopySign, MathMembers.CopySignWithGradient, MathMembers.CopySign,
            (x, s) => (2 * Math.Abs(x) * Math.Sign(s), 0),
            [(1.5, 2), (-1.5, 2), (1.5, -0.5), (-0.25, -3)]);

    [Fact]
    public void IEEERemainder_AwayFromJumps_MatchesClosedForm()
    {
        // x - n y with n = round(x / y) to even: (1, -n).
        (double, double)[] points = [(5.3, 2), (-7.1, 3), (0.4, 1.5), (10.2, -4)];
        Gradients.Check2(MathMembers.IEEERemainder, MathMembers.IEEERemainderWithGradient, MathMembers.IEEERemainder,
            (x, y) => (1, -Math.Round(x / y)), points);
        Gradients.Check2(MathMembers.Ieee754Remainder, MathMembers.Ieee754RemainderWithGradient, MathMembers.Ieee754Remainder,
            (x, y) => (1, -Math.Round(x / y)), points);
    }

    [Fact]
    public void MaxMagnitudeAndMinMagnitude_NoTie_GradientGoesToTheOneReturned()
    {
        (double, double)[] points = [(1, -2), (-3, 1), (0.5, 0.25), (-0.5, -0.75)];
        Gradients.Check2(MathMembers.MaxMagnitude, MathMembers.MaxMagnitudeWithGradient, MathMembers.MaxMagnitude,
            (x, y) => Math.Abs(x) > Math.Abs(y) ? (1.0, 0.0) : (0.0, 1.0), points);
        Gradients.Check2(MathMembers.MinMagnitude, MathMembers.MinMagnitudeWithGradient, MathMembers.MinMagnitude,
            (x, y) => Math.Abs(x) < Math.Abs(y) ? (1.0, 0.0) : (0.0, 1.0), points);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-2)]
    public void ScaleB_IntExponent_MatchesClosedForm(int n) =>
        // x²·2ⁿ: 2x·2ⁿ.
        Gradients.Check1(x => MathMembers.ScaleB(x, n), x => MathMembers.ScaleBWithGradient(x, n), x => MathMembers.ScaleB(x, n),
            x => 2 * x * Math.Pow(2, n),
            [-1.5, 0, 0.75, 3]);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(-3)]
    public void RootN_PositiveArguments_MatchesClosedForm(int n) =>
        // x^(1/n): x^(1/n - 1) / n.
        Gradients.Check1(x => MathMembers.RootN(x, n), x => MathMembers.RootNWithGradient(x, n), x => MathMembers.RootN(x, n),
            x => Math.Pow(x, 1.0 / n - 1) / n,
            [0.2, 1, 2.5, 27]);

    [Fact]
    public void RootN_OddRootOfANegativeNumber_MatchesClosedForm() =>
        // ∛x for x < 0: 1 / (3 ∛x²).
        Gradients.Check1(x => MathMembers.RootN(x, 3), x => MathMembers.RootNWithGradient(x, 3), x => MathMembers.RootN(x, 3),
            x => 1 / (3 * Math.Cbrt(x) * Math.Cbrt(x)),
            [-8, -0.5]);
}
