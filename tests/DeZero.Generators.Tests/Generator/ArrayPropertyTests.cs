using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using DeZero.Generators.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace DeZero.Generators.Tests.Generator;

/// <summary>
/// Random programs over arrays and spans through the real generator: the reverse-mode <c>…WithGradient</c> against the
/// method's own value (bit for bit), central differences of the user's own method, its allocating overload (exactly)
/// and the graph node (within 1e-12).
/// </summary>
/// <remarks>
/// Programs come from a generator of statements driven by a fixed <see cref="PCG"/> seed per batch, drawing through
/// CsCheck's generators, so a failure reproduces exactly. Every index is in range by construction: a loop's counter
/// indexes only the sequence it runs over, anything else is reduced modulo the length. Each batch is one compilation:
/// scalar helpers, helpers of a span, then the methods, which may call both; helpers are checked as methods too.
/// </remarks>
public sealed class ArrayPropertyTests(ITestOutputHelper output)
{
    private const int MethodsPerCompilation = 30;
    private const int SpanHelpers = 4;
    private const int ScalarHelpers = 2;
    private const int PointsPerMethod = 4;

    [Theory]
    [MemberData(nameof(PropertyTests.Batches), MemberType = typeof(PropertyTests))]
    public void WithGradient_RandomArrayPrograms_AgreesWithValueNumericalAllocatingAndGraph(int batch)
    {
        var pcg = new PCG(stream: 29, seed: 0xA77A_0000UL + (ulong)batch);
        var scalarHelpers = Enumerable.Range(0, ScalarHelpers).Select(i => ScalarHelper(pcg, i)).ToArray();
        var spanHelpers = Enumerable.Range(0, SpanHelpers).Select(i => new ProgramWriter(pcg, Signature.Helper, ScalarHelpers, 0).Method($"H{i}")).ToArray();
        var methods = Enumerable.Range(0, MethodsPerCompilation).Select(i => new ProgramWriter(pcg, Signature.Main, ScalarHelpers, SpanHelpers).Method($"M{i}")).ToArray();
        var sources = scalarHelpers.Concat(spanHelpers).Concat(methods).ToArray();

        var source = Source(sources);
        if (Environment.GetEnvironmentVariable("DEZERO_PROPERTY_DUMP") is { Length: > 0 } directory)
        {
            // For a reproduction: the whole batch as one file.
            System.IO.File.WriteAllText(System.IO.Path.Combine(directory, $"ArrayBatch{batch}.cs"), source);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var result = GeneratorHarness.Run(Compile(source));
        result.AssertNoGeneratorException();
        Assert.True(result.Diagnostics.IsEmpty, "Unexpected diagnostics:\n" + result.Describe(result.Diagnostics.Take(10)));
        var generated = clock.Elapsed;

        // Fails with the compiler's errors if user or generated code has any, or warnings in generated code.
        using var loaded = Emitter.Load(result.Output, result.Input.SyntaxTrees);
        var emitted = clock.Elapsed;
        var check = new Checker(sources);
        for (var i = 0; i < SpanHelpers; i++)
        {
            var subject = Subject.OfHelper(loaded, $"H{i}");
            check.Method(subject, spanHelpers[i], Enumerable.Range(0, PointsPerMethod).Select(_ => HelperPoint(pcg)));
        }

        for (var i = 0; i < MethodsPerCompilation; i++)
        {
            var subject = Subject.OfMethod(loaded, $"M{i}");
            check.Method(subject, methods[i], Enumerable.Range(0, PointsPerMethod).Select(_ => MainPoint(pcg)));
        }

        output.WriteLine($"batch {batch}: {SpanHelpers + MethodsPerCompilation} methods, {check.Points} points, {check.Checked} partials checked numerically ({check.NonZero} not zero), {check.Skipped} skipped as not smooth or not finite");
        var processor = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        output.WriteLine($"generate {generated.TotalSeconds:F1} s, emit and check errors {(emitted - generated).TotalSeconds:F1} s, evaluate {(clock.Elapsed - emitted).TotalSeconds:F1} s; {processor.TotalSeconds:F1} s of processor time");
        Assert.True(check.Checked > 4 * (SpanHelpers + MethodsPerCompilation), $"Too few partials were smooth enough to check ({check.Checked}).");
        Assert.True(check.Failures.Count == 0, $"{check.Failures.Count} disagreement(s), first ones:\n\n" + string.Join("\n\n", check.Failures.Take(8)));
    }

    // ---- Points: uniform on [-2.5, 2.5] to three decimals, as the scalar property test draws them; lengths at random.

    private static double Value(PCG pcg) => Math.Round(-2.5 + 5.0 * (pcg.Next64() >> 11) * Math.ScaleB(1, -53), 3);

    private static int Draw(PCG pcg, int low, int high) => Gen.Int[low, high].Generate(pcg, null, out _);

    private static double[] Values(PCG pcg, int length) => [.. Enumerable.Range(0, length).Select(_ => Value(pcg))];

    private static Point MainPoint(PCG pcg) =>
        new(Values(pcg, Draw(pcg, 3, 6)), Value(pcg), Values(pcg, Draw(pcg, 2, 4)), Values(pcg, Draw(pcg, 2, 4)), Draw(pcg, 0, 3), Value(pcg), Helper: false);

    private static Point HelperPoint(PCG pcg) => new(Values(pcg, Draw(pcg, 1, 6)), Value(pcg), [], [], 0, 0, Helper: true);

    /// <summary>
    /// The arguments of one call. The differentiated ones, flattened in parameter order, are the point's coordinates:
    /// <c>x, a, w, b</c> for a method, <c>u, t</c> (held in X and A) for a helper of a span.
    /// </summary>
    private sealed record Point(double[] X, double A, double[] W, double[] D, int N, double B, bool Helper)
    {
        public int Dimension => Helper ? X.Length + 1 : X.Length + W.Length + 2;

        public double this[int i] => Slot(i) switch
        {
            ("x", var k) => X[k],
            ("w", var k) => W[k],
            ("a", _) => A,
            _ => B,
        };

        public Point With(int i, double delta) => Slot(i) switch
        {
            ("x", var k) => this with { X = Changed(X, k, delta) },
            ("w", var k) => this with { W = Changed(W, k, delta) },
            ("a", _) => this with { A = A + delta },
            _ => this with { B = B + delta },
        };

        public string Name(int i) => Slot(i) switch
        {
            ("x", var k) => $"{(Helper ? "u" : "x")}[{k}]",
            ("w", var k) => $"w[{k}]",
            ("a", _) => Helper ? "t" : "a",
            _ => "b",
        };

        private (string Parameter, int Index) Slot(int i) =>
            i < X.Length ? ("x", i)
            : i == X.Length ? ("a", 0)
            : i - X.Length - 1 < W.Length ? ("w", i - X.Length - 1)
            : ("b", 0);

        private static double[] Changed(double[] values, int k, double delta)
        {
            var copy = (double[])values.Clone();
            copy[k] += delta;
            return copy;
        }

        public override string ToString() => Helper
            ? Invariant($"u = {Show(X)}, t = {A:R}")
            : Invariant($"x = {Show(X)}, a = {A:R}, w = {Show(W)}, d = {Show(D)}, n = {N}, b = {B:R}");

        private static string Show(double[] values) => "[" + string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // ---- The four ways to the gradient of one method, each giving the value and the partials flattened as Point's.

    private delegate double MainMethod(ReadOnlySpan<double> x, double a, double[] w, ReadOnlySpan<double> d, int n, double b);

    private delegate double MainIntoSpans(ReadOnlySpan<double> x, double a, double[] w, ReadOnlySpan<double> d, int n, double b, Span<double> dX, out double dA, Span<double> dW, out double dB);

    private delegate (double Value, double[] DX, double DA, double[] DW, double DB) MainAllocating(ReadOnlySpan<double> x, double a, double[] w, ReadOnlySpan<double> d, int n, double b);

    private delegate Variable MainGraph(Variable x, Variable a, Variable w, NDArray d, int n, Variable b);

    private delegate double HelperMethod(ReadOnlySpan<double> u, double t);

    private delegate double HelperIntoSpans(ReadOnlySpan<double> u, double t, Span<double> dU, out double dT);

    private delegate (double Value, double[] DU, double DT) HelperAllocating(ReadOnlySpan<double> u, double t);

    private delegate Variable HelperGraph(Variable u, Variable t);

    private sealed record Subject(
        Func<Point, double> Value,
        Func<Point, (double Value, double[] Gradient)> IntoSpans,
        Func<Point, (double Value, double[] Gradient)> Allocating,
        Func<Point, (double Value, double[] Gradient)> Graph)
    {
        private static readonly Type Span = typeof(ReadOnlySpan<double>);
        private static readonly Type Out = typeof(double).MakeByRefType();

        public static Subject OfMethod(LoadedAssembly loaded, string name)
        {
            Type[] parameters = [Span, typeof(double), typeof(double[]), Span, typeof(int), typeof(double)];
            var f = loaded.Delegate<MainMethod>("Random.Ops", name, parameters);
            var intoSpans = loaded.Delegate<MainIntoSpans>("Random.Ops", name + "WithGradient", [.. parameters, typeof(Span<double>), Out, typeof(Span<double>), Out]);
            var allocating = loaded.Delegate<MainAllocating>("Random.Ops", name + "WithGradient", parameters);
            var graph = loaded.Delegate<MainGraph>("Random.Ops", name, typeof(Variable), typeof(Variable), typeof(Variable), typeof(NDArray), typeof(int), typeof(Variable));
            return new Subject(
                p => f(p.X, p.A, p.W, p.D, p.N, p.B),
                p =>
                {
                    // Poisoned, so a partial left unwritten shows.
                    var dx = Enumerable.Repeat(double.NaN, p.X.Length).ToArray();
                    var dw = Enumerable.Repeat(double.NaN, p.W.Length).ToArray();
                    var value = intoSpans(p.X, p.A, p.W, p.D, p.N, p.B, dx, out var da, dw, out var db);
                    return (value, [.. dx, da, .. dw, db]);
                },
                p =>
                {
                    var (value, dx, da, dw, db) = allocating(p.X, p.A, p.W, p.D, p.N, p.B);
                    return (value, [.. dx, da, .. dw, db]);
                },
                p =>
                {
                    var (x, a, w, b) = (new Variable(new NDArray(p.X)), new Variable(p.A), new Variable(new NDArray(p.W)), new Variable(p.B));
                    var z = graph(x, a, w, new NDArray(p.D), p.N, b);
                    z.Backward();
                    return (z.Data.Item(), [.. Gradient(x), .. Gradient(a), .. Gradient(w), .. Gradient(b)]);
                });
        }

        public static Subject OfHelper(LoadedAssembly loaded, string name)
        {
            var f = loaded.Delegate<HelperMethod>("Random.Ops", name, Span, typeof(double));
            var intoSpans = loaded.Delegate<HelperIntoSpans>("Random.Ops", name + "WithGradient", Span, typeof(double), typeof(Span<double>), Out);
            var allocating = loaded.Delegate<HelperAllocating>("Random.Ops", name + "WithGradient", Span, typeof(double));
            var graph = loaded.Delegate<HelperGraph>("Random.Ops", name, typeof(Variable), typeof(Variable));
            return new Subject(
                p => f(p.X, p.A),
                p =>
                {
                    var du = Enumerable.Repeat(double.NaN, p.X.Length).ToArray();
                    var value = intoSpans(p.X, p.A, du, out var dt);
                    return (value, [.. du, dt]);
                },
                p =>
                {
                    var (value, du, dt) = allocating(p.X, p.A);
                    return (value, [.. du, dt]);
                },
                p =>
                {
                    var (u, t) = (new Variable(new NDArray(p.X)), new Variable(p.A));
                    var z = graph(u, t);
                    z.Backward();
                    return (z.Data.Item(), [.. Gradient(u), .. Gradient(t)]);
                });
        }

        private static double[] Gradient(Variable v) => v.Grad is { } grad ? grad.ToArray() : [.. Enumerable.Repeat(double.NaN, v.Data.Size)];
    }

    /// <summary>The checks, gathering failures with the program, the point and the numbers.</summary>
    private sealed class Checker(string[] sources)
    {
        public List<string> Failures { get; } = [];

        public int Checked { get; private set; }

        public int Skipped { get; private set; }

        /// <summary>Of the partials checked, those that are not zero: a method whose value ignores its inputs checks little.</summary>
        public int NonZero { get; private set; }

        public int Points { get; private set; }

        public void Method(Subject subject, string source, IEnumerable<Point> points)
        {
            foreach (var p in points)
            {
                Points++;
                try
                {
                    At(subject, source, p);
                }
                catch (Exception e) when (e is not Xunit.Sdk.XunitException)
                {
                    Fail(source, p, $"threw {e.GetType().Name}: {e.Message}\n{e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
                }
            }
        }

        private void At(Subject subject, string source, Point p)
        {
            var inputs = (X: p.X.ToArray(), W: p.W.ToArray(), D: p.D.ToArray());
            var value = subject.Value(p);
            var (spanValue, spans) = subject.IntoSpans(p);
            if (!Bits(spanValue, value))
            {
                Fail(source, p, Invariant($"value: generated {spanValue:R}, the method gives {value:R}"));
            }

            var (allocatingValue, allocated) = subject.Allocating(p);
            if (!Bits(allocatingValue, spanValue) || allocated.Length != spans.Length || allocated.Zip(spans).Any(g => !Bits(g.First, g.Second)))
            {
                Fail(source, p, Invariant($"allocating overload: {allocatingValue:R} {Show(allocated)}, into spans: {spanValue:R} {Show(spans)}"));
            }

            for (var i = 0; i < p.Dimension; i++)
            {
                var analytic = spans[i];
                var numeric = CentralDifference.Of(h => subject.Value(p.With(i, h)), p[i]);
                if (numeric is not { } n || !double.IsFinite(analytic) || Math.Abs(analytic) > 1e8)
                {
                    // NaN can be right where the value is finite: IEEE's 0 · ∞ when a zero adjoint meets a value that
                    // overflowed on a path the result no longer depends on (reverse mode visits it; forward mode does not).
                    Skipped++;
                    continue;
                }

                Checked++;
                NonZero += analytic != 0 ? 1 : 0;
                if (Math.Abs(analytic - n.Value) > 1e-5 * Math.Max(Math.Abs(analytic), Math.Abs(n.Value)) + n.Tolerance)
                {
                    Fail(source, p, Invariant($"∂/∂{p.Name(i)}: generated {analytic:R}, central differences {n.Value:R} (all partials: {Show(spans)})"));
                }
            }

            var (graphValue, graph) = subject.Graph(p);
            if (!SameNumber(graphValue, spanValue, 1e-12))
            {
                Fail(source, p, Invariant($"graph value: {graphValue:R}, WithGradient {spanValue:R}"));
            }

            for (var i = 0; i < p.Dimension; i++)
            {
                if (graph.Length != spans.Length || !SameNumber(graph[i], spans[i], 1e-12))
                {
                    Fail(source, p, Invariant($"graph ∂/∂{p.Name(i)}: {graph.ElementAtOrDefault(i):R}, WithGradient {spans[i]:R} (graph {Show(graph)}, WithGradient {Show(spans)})"));
                    break;
                }
            }

            if (!inputs.X.SequenceEqual(p.X) || !inputs.W.SequenceEqual(p.W) || !inputs.D.SequenceEqual(p.D))
            {
                Fail(source, p, $"an input was written: it was x = {Show(inputs.X)}, w = {Show(inputs.W)}, d = {Show(inputs.D)}");
            }
        }

        private void Fail(string source, Point p, string what)
        {
            // The helpers the method calls, and those they call, so the failure reads alone.
            static IEnumerable<string> Calls(string text) => Regex.Matches(text, @"\b[HS]\d+(?=\()").Select(m => m.Value);
            string? Declaring(string helper) => sources.FirstOrDefault(s => Regex.Match(s, @"static double ([HS]\d+)\(") is { Success: true } m && m.Groups[1].Value == helper);
            var called = Calls(source).ToHashSet();
            for (var grown = true; grown;)
            {
                var more = called.Select(Declaring).OfType<string>().SelectMany(Calls).Where(c => !called.Contains(c)).ToList();
                grown = more.Count > 0;
                called.UnionWith(more);
            }

            var helpers = sources.Where(s => Regex.Match(s, @"static double ([HS]\d+)\(") is { Success: true } m && called.Contains(m.Groups[1].Value) && !s.Equals(source, StringComparison.Ordinal));
            Failures.Add($"{what}\n  at {p}\n{Indent(source)}{string.Concat(helpers.Select(Indent))}");
        }

        private static string Indent(string text) => "    " + text.TrimEnd().Replace("\n", "\n    ", StringComparison.Ordinal) + "\n";

        private static string Show(double[] values) => "[" + string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]";
    }

    private static bool Bits(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    private static bool SameNumber(double a, double b, double relative) =>
        a.Equals(b) // NaN equals NaN, infinities equal themselves
        || Math.Abs(a - b) <= relative * Math.Max(Math.Abs(a), Math.Abs(b)) + 1e-300;

    // ---- The source of one batch.

    /// <summary>
    /// The batch's compilation. Generated code must build with warnings as errors, with one exception, known and reported:
    /// the span overload of <c>…WithGradient</c> documents its gradient arguments and not the method's own, which is
    /// CS1573 wherever documentation is checked (ArrayMethodEmitter).
    /// </summary>
    private static Microsoft.CodeAnalysis.Compilation Compile(string source)
    {
        var compilation = GeneratorHarness.Compile(source);
        return compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions([new("CS1573", Microsoft.CodeAnalysis.ReportDiagnostic.Suppress)]));
    }

    private static string Source(IEnumerable<string> methods)
    {
        var text = new StringBuilder("""
            using System;
            using DeZero;

            namespace Random;

            public static partial class Ops
            {

            """);
        foreach (var method in methods)
        {
            text.Append("    ").AppendLine(method.TrimEnd().Replace("\n", "\n    ", StringComparison.Ordinal).Replace("\n    \n", "\n\n", StringComparison.Ordinal));
            text.AppendLine();
        }

        return text.Append("}\n").ToString();
    }

    /// <summary>A smooth scalar helper of two doubles, differentiated in forward mode and called from array programs.</summary>
    private static string ScalarHelper(PCG pcg, int index)
    {
        var writer = new ProgramWriter(pcg, Signature.Scalar, 0, 0);
        return $"[Differentiable]\npublic static double S{index}(double p, double q) => {writer.Expression(3)};\n";
    }

    private enum Signature
    {
        /// <summary><c>(ReadOnlySpan&lt;double&gt; x, double a, double[] w, [NoDerivative] ReadOnlySpan&lt;double&gt; d, int n, double b)</c>.</summary>
        Main,

        /// <summary><c>(ReadOnlySpan&lt;double&gt; u, double t)</c>.</summary>
        Helper,

        /// <summary><c>(double p, double q)</c>.</summary>
        Scalar,
    }

    /// <summary>
    /// A sequence in scope. A part of an array is taken with <c>AsSpan</c>, of a span with <c>Slice</c>. A moving view is
    /// reassigned in the body, so no loop runs over it and its elements are read modulo its length; <paramref name="Root"/>
    /// is the sequence its slices come from. Every sequence has at least one element, some at least two.
    /// </summary>
    private sealed record Sequence(string Name, bool IsArray, bool Writable, bool Moving, string Root, bool Fixed, int MinLength);

    /// <summary>An int in scope, at least <paramref name="Minimum"/>, below the length of <paramref name="Bound"/> if it has one.</summary>
    private sealed record Counter(string Name, Sequence? Bound, int Minimum);

    /// <summary>
    /// Writes one random method. Loops nest two deep at most (a helper called inside adds its own); every index is in
    /// range by construction; values stay moderate: exponentials and logarithms take bounded or positive arguments,
    /// and multiplying updates take bounded factors.
    /// </summary>
    private sealed class ProgramWriter(PCG pcg, Signature signature, int scalarHelpers, int spanHelpers)
    {
        private const int MaxLoopDepth = 2;
        private const int MaxNesting = 3;

        private readonly StringBuilder _text = new();
        private readonly List<string> _doubles = signature switch
        {
            Signature.Main => ["a", "b"],
            Signature.Helper => ["t"],
            _ => ["p", "q"],
        };

        private readonly List<string> _assignable = [];
        private readonly List<Sequence> _sequences = signature switch
        {
            Signature.Main => [new("x", false, false, false, "x", true, 3), new("w", true, false, false, "w", true, 2), new("d", false, false, false, "d", true, 2)],
            // Called on slices: a single element is all a helper can count on.
            Signature.Helper => [new("u", false, false, false, "u", true, 1)],
            _ => [],
        };

        private readonly List<Counter> _counters = [];
        private readonly List<string> _ints = [];
        /// <summary>
        /// The scratch arrays that may be given a new array (of the same length), with their length. A span keeps the
        /// array it views, which the generator refuses to follow: no span views these, and no foreach runs over them.
        /// </summary>
        private readonly Dictionary<string, string> _replaceable = [];
        private int _indent;
        private int _loops;
        private int _nesting;
        private bool _canBreak;
        private bool _canContinue;

        // ---- Draws, through CsCheck's generators on the batch's PCG.

        private int Int(int low, int high) => Draw(pcg, low, high);

        private bool Chance(int percent) => Int(0, 99) < percent;

        private T Pick<T>(IReadOnlyList<T> items) => items[Int(0, items.Count - 1)];

        private T Choose<T>(params (int Weight, Func<T> Make)[] choices)
        {
            var total = choices.Where(c => c.Weight > 0).Sum(c => c.Weight);
            var draw = Int(0, total - 1);
            foreach (var (weight, make) in choices.Where(c => c.Weight > 0))
            {
                if (draw < weight)
                {
                    return make();
                }

                draw -= weight;
            }

            throw new InvalidOperationException("unreachable");
        }

        private void Do(params (int Weight, Action Act)[] choices) =>
            Choose([.. choices.Select(c => (c.Weight, (Func<int>)(() => { c.Act(); return 0; })))]);

        private void Line(string text) => _text.Append(' ', 4 * _indent).Append(text).Append('\n');

        // ---- The method.

        public string Method(string name)
        {
            var parameters = signature == Signature.Main
                ? "ReadOnlySpan<double> x, double a, double[] w, [NoDerivative] ReadOnlySpan<double> d, int n, double b"
                : "ReadOnlySpan<double> u, double t";
            Line("[Differentiable]");
            Line($"public static double {name}({parameters})");
            Open("");
            _assignable.AddRange(signature == Signature.Main ? ["a", "b"] : ["t"]);

            var scalars = Int(1, 3);
            for (var k = 0; k < scalars; k++)
            {
                Line($"double s{k} = {Expression(2)};");
                _doubles.Add($"s{k}");
                _assignable.Add($"s{k}");
            }

            var scratch = Int(0, 2);
            for (var k = 0; k < scratch; k++)
            {
                var length = Pick(signature == Signature.Main ? ["x.Length + 1", "w.Length + n", "n + 2", "3", "d.Length"] : new[] { "u.Length", "u.Length + 2", "3" });
                var onStack = Chance(40);
                Line(onStack ? $"Span<double> t{k} = stackalloc double[{length}];" : $"double[] t{k} = new double[{length}];");
                _sequences.Add(new($"t{k}", !onStack, true, false, $"t{k}", true, length == "u.Length" ? 1 : 2));
                if (!onStack && Chance(40))
                {
                    _replaceable[$"t{k}"] = length;
                }
            }

            // Arrays of ints, written with non-negative ints and read as indices (modulo a length).
            if (Chance(40))
            {
                var length = signature == Signature.Main ? Pick(["x.Length", "n + 1", "4"]) : Pick(["u.Length", "3"]);
                Line(Chance(50) ? $"int[] k0 = new int[{length}];" : $"Span<int> k0 = stackalloc int[{length}];");
                _ints.Add("k0");
            }

            var views = Int(0, 2);
            for (var k = 0; k < views; k++)
            {
                var root = Pick(Viewable());
                var moving = Chance(40);
                Line($"{(root.Writable ? "Span" : "ReadOnlySpan")}<double> v{k} = {Slice(root)};");
                _sequences.Add(new($"v{k}", false, root.Writable, moving, root.Name, !moving, 1));
            }

            var statements = Int(2, 5);
            for (var k = 0; k < statements; k++)
            {
                Statement();
            }

            Line($"return {Locals()}{Expression(3)};");
            Close();
            return _text.ToString();
        }

        private void Open(string header)
        {
            if (header.Length > 0)
            {
                Line(header);
            }

            Line("{");
            _indent++;
        }

        private void Close()
        {
            _indent--;
            Line("}");
        }

        // ---- Statements.

        private void Statement()
        {
            var compound = _nesting < MaxNesting;
            var loop = compound && _loops < MaxLoopDepth;
            var writable = _sequences.Where(s => s.Writable).ToList();
            var moving = _sequences.Where(s => s.Moving).ToList();
            Do(
                (6, AssignScalar),
                (writable.Count > 0 ? 5 : 0, () => WriteElement(Pick(writable))),
                (_ints.Count > 0 ? 2 : 0, () => WriteInt(Pick(_ints))),
                (compound ? 3 : 0, IfElse),
                (loop ? 4 : 0, CountedLoop),
                (loop ? 2 : 0, ForEach),
                (loop ? 2 : 0, WhileLoop),
                (_canBreak ? 2 : 0, Jump),
                (1, () => Line($"if ({Condition()}) return {Locals()}{Expression(2)};")),
                (moving.Count > 0 ? 2 : 0, () => MoveView(Pick(moving))),
                (_replaceable.Count > 0 ? 1 : 0, Replace));
        }

        private void Replace()
        {
            var t = Pick(_replaceable.Keys.ToList());
            Line($"{t} = new double[{_replaceable[t]}];");
        }

        private void Block(bool loopBody, bool canContinue)
        {
            var (doubles, sequences, counters, canBreak, continues) = (_doubles.Count, _sequences.Count, _counters.Count, _canBreak, _canContinue);
            _nesting++;
            if (loopBody)
            {
                _loops++;
                _canBreak = true;
                _canContinue = canContinue;
            }

            var statements = Int(1, 3);
            for (var k = 0; k < statements; k++)
            {
                Statement();
            }

            if (loopBody)
            {
                _loops--;
            }

            _nesting--;
            (_canBreak, _canContinue) = (canBreak, continues);
            _doubles.RemoveRange(doubles, _doubles.Count - doubles);
            _sequences.RemoveRange(sequences, _sequences.Count - sequences);
            _counters.RemoveRange(counters, _counters.Count - counters);
        }

        private void AssignScalar()
        {
            var locals = _assignable.Where(v => v.StartsWith('s')).ToList();
            var target = locals.Count > 0 && Chance(85) ? Pick(locals) : Pick(_assignable);
            Line(Choose(
                (3, () => $"{target} = {Expression(2)};"),
                (5, () => $"{target} += {Expression(2)};"),
                (1, () => $"{target} -= {Expression(2)};"),
                (2, () => $"{target} *= {Factor()};")));
        }

        private void WriteElement(Sequence target)
        {
            var element = $"{target.Name}[{Index(target)}]";
            Line(Choose(
                (3, () => $"{element} = {Expression(2)};"),
                (4, () => $"{element} += {Expression(2)};"),
                (1, () => $"{element} -= {Expression(2)};"),
                (2, () => $"{element} *= {Factor()};"),
                (1, () => $"{element}++;"),
                (1, () => $"{element}--;")));
        }

        private void WriteInt(string target)
        {
            var element = $"{target}[({NonNegative(1)}) % {target}.Length]";
            Line(Choose(
                (3, () => $"{element} = {NonNegative(1)};"),
                (1, () => $"{element} += {NonNegative(0)};"),
                (1, () => $"{element}++;")));
        }

        private void IfElse()
        {
            Open($"if ({Condition()})");
            Block(loopBody: false, canContinue: false);
            Close();
            if (Chance(50))
            {
                Open("else");
                Block(loopBody: false, canContinue: false);
                Close();
            }
        }

        /// <summary>A sequence a loop may run over: one that is never reassigned.</summary>
        private Sequence Fixed() => Pick(_sequences.Where(s => s.Fixed).ToList());

        private List<Sequence> Viewable() => [.. _sequences.Where(s => !_replaceable.ContainsKey(s.Name))];

        private void CountedLoop()
        {
            var i = $"i{_loops}";
            var over = Fixed();
            var (header, counter) = Choose(
                (5, () => ($"for (int {i} = 0; {i} < {over.Name}.Length; {i}++)", new Counter(i, over, 0))),
                (2, () => ($"for (int {i} = 1; {i} < {over.Name}.Length; {i}++)", new Counter(i, over, 1))),
                (signature == Signature.Main ? 1 : 0, () => ($"for (int {i} = 0; {i} <= n; {i}++)", new Counter(i, null, 0))),
                (2, () => ($"for (int {i} = {over.Name}.Length - 1; {i} >= 0; {i}--)", new Counter(i, over, 0))),
                (1, () => ($"for (int {i} = 0; {i} < {over.Name}.Length; {i} += 2)", new Counter(i, over, 0))),
                (1, () => ($"for (int {i} = 0; {i} < {over.Name}.Length && {Condition()}; {i}++)", new Counter(i, over, 0))));
            Open(header);
            _counters.Add(counter);
            Block(loopBody: true, canContinue: true);
            _counters.RemoveAt(_counters.Count - 1);
            Close();
        }

        private void ForEach()
        {
            var e = $"e{_loops}";
            if (_ints.Count > 0 && Chance(20))
            {
                Open($"foreach (int {e} in {Pick(_ints)})");
                _counters.Add(new Counter(e, null, 0));
                Block(loopBody: true, canContinue: true);
                _counters.RemoveAt(_counters.Count - 1);
                Close();
                return;
            }

            var over = Pick(Viewable());
            var collection = Chance(30) ? Slice(over) : over.Name;
            Open($"foreach ({(Chance(50) ? "var" : "double")} {e} in {collection})");
            _doubles.Add(e);
            Block(loopBody: true, canContinue: true);
            _doubles.RemoveAt(_doubles.Count - 1);
            Close();
        }

        /// <summary>
        /// A data-dependent trip count: the counter steps at the end of the body, which therefore never continues. The
        /// counter's block keeps siblings from clashing.
        /// </summary>
        private void WhileLoop()
        {
            var j = $"j{_loops}";
            var over = Fixed();
            var condition = $"{j} < {over.Name}.Length && {Condition(counter: new Counter(j, over, 0))}";
            Open("");
            Line($"int {j} = 0;");
            var bottom = Chance(30);
            Open(bottom ? "do" : $"while ({condition})");
            _counters.Add(new Counter(j, over, 0));
            Block(loopBody: true, canContinue: false);
            _counters.RemoveAt(_counters.Count - 1);
            Line($"{j}++;");
            _indent--;
            Line(bottom ? $"}} while ({condition});" : "}");
            Close();
        }

        private void Jump()
        {
            var jump = _canContinue && Chance(50) ? "continue" : "break";
            if (Chance(50))
            {
                Line($"if ({Condition()}) {jump};");
            }
            else
            {
                Open($"if ({Condition()})");
                AssignScalar();
                Line($"{jump};");
                Close();
            }
        }

        private void MoveView(Sequence view)
        {
            var root = _sequences.First(s => s.Name == view.Root);
            Line($"{view.Name} = {(Chance(30) ? Slice(view) : Slice(root))};");
        }

        // ---- Expressions.

        /// <summary>The sum of the double locals, as the start of a returned value: what the statements computed reaches the result.</summary>
        private string Locals() => string.Concat(_assignable.Where(v => v.StartsWith('s')).Select(v => v + " + "));

        /// <summary>A part of a sequence of at least one element.</summary>
        private string Slice(Sequence of)
        {
            var method = of.IsArray ? "AsSpan" : "Slice";
            var start = $"({NonNegative(1)}) % {of.Name}.Length";
            return Choose(
                (2, () => $"{of.Name}.{method}({start})"),
                (2, () => $"{of.Name}.{method}({start}, {of.Name}.Length - {start})"),
                (1, () => $"{of.Name}.{method}(0, 1 + {start})"),
                (of.MinLength >= 2 ? 1 : 0, () => $"{of.Name}.{method}(1, {of.Name}.Length - 1)"));
        }

        /// <summary>An index into <paramref name="of"/>: a counter running over it, or any non-negative int modulo its length.</summary>
        private string Index(Sequence of)
        {
            var own = _counters.Where(c => c.Bound == of && !of.Moving).ToList();
            if (own.Count > 0 && Chance(60))
            {
                var counter = Pick(own);
                return counter.Minimum >= 1 && Chance(40) ? $"{counter.Name} - 1" : counter.Name;
            }

            return $"({NonNegative(2)}) % {of.Name}.Length";
        }

        private string NonNegative(int depth)
        {
            string Atom() => Choose(
                (_counters.Count > 0 ? 4 : 0, () => Pick(_counters).Name),
                (signature == Signature.Main ? 1 : 0, () => "n"),
                (2, () => Int(0, 5).ToString(CultureInfo.InvariantCulture)),
                (1, () => $"{Pick(_sequences.Where(s => !s.Moving).ToList()).Name}.Length"),
                (_ints.Count > 0 && depth > 0 ? 2 : 0, () =>
                {
                    var k = Pick(_ints);
                    return $"{k}[({NonNegative(depth - 1)}) % {k}.Length]";
                }));
            if (depth == 0)
            {
                return Atom();
            }

            return Choose(
                (3, Atom),
                (2, () => $"{NonNegative(depth - 1)} + {NonNegative(depth - 1)}"),
                (2, () => $"{Atom()} * {Int(2, 3)} + {NonNegative(depth - 1)}"));
        }

        private string Condition(Counter? counter = null) => Choose(
            (3, () => $"{Expression(1)} {Pick(Comparisons)} {Pick(Constants)}"),
            (2, () => $"{Atom()} {Pick(Comparisons)} {Atom()}"),
            (counter is null ? 0 : 3, () => $"{counter!.Bound!.Name}[{counter.Name}] {Pick(Comparisons)} {Pick(Constants)}"),
            (1, () => $"({Expression(1)} > {Pick(Constants)} {Pick(["&&", "||"])} {Atom()} < {Pick(Constants)})"));

        /// <summary>A multiplier in (-1.5, 1.5): repeated multiplication stays finite.</summary>
        private string Factor() => Choose(
            (2, () => $"Math.Tanh({Expression(1)})"),
            (1, () => $"Math.Cos({Expression(1)})"),
            (2, () => $"(1 + 0.5 * Math.Sin({Expression(1)}))"),
            (1, () => $"(0.5 + 0.25 * {Expression(0)} / (1 + {Expression(0)} * {Expression(0)}))"));

        private static readonly string[] Comparisons = ["<", ">", "<=", ">="];

        private static readonly string[] Constants = ["0", "0.5", "-0.5", "1", "-1", "1.5", "2"];

        public string Expression(int depth)
        {
            if (depth == 0)
            {
                return Atom();
            }

            string E() => Expression(depth - 1);
            return Choose(
                (3, Atom),
                (5, () => $"({E()} {Pick(["+", "-", "*"])} {E()})"),
                (1, () => $"({E()} / (1 + {E()} * {E()}))"),
                (4, () => string.Format(CultureInfo.InvariantCulture, Pick(Unary), E())),
                (1, () => $"({Condition()} ? {E()} : {E()})"),
                (scalarHelpers > 0 ? 1 : 0, () => $"S{Int(0, scalarHelpers - 1)}({E()}, {E()})"),
                (spanHelpers > 0 ? 2 : 0, () => $"H{Int(0, spanHelpers - 1)}({SpanArgument()}, {E()})"));
        }

        private string SpanArgument()
        {
            var of = Pick(_sequences);
            return Chance(60) ? Slice(of) : of.Name;
        }

        private string Atom()
        {
            // Inside a loop, mostly the elements it runs over, so that loops touch every element.
            var sweeps = _counters.Where(c => c.Bound is { Moving: false }).ToList();
            return Choose(
                (4, () => Pick(_doubles)),
                (_sequences.Count > 0 ? 3 : 0, () =>
                {
                    var of = Pick(_sequences);
                    return $"{of.Name}[{Index(of)}]";
                }),
                (sweeps.Count > 0 ? 3 : 0, () =>
                {
                    var counter = Pick(sweeps);
                    return $"{counter.Bound!.Name}[{counter.Name}]";
                }),
                (1, () => Pick(["0.5", "2", "1.5", "0.25", "3", "Math.PI"])),
                (signature == Signature.Main ? 1 : 0, () => "n"));
        }

        // Smooth everywhere: exponentials of bounded arguments, square roots and logarithms of positive ones.
        private static readonly string[] Unary =
        [
            "Math.Sin({0})", "Math.Cos({0})", "Math.Tanh({0})", "Math.Atan({0})", "Math.Exp(Math.Sin({0}))", "Math.Exp(-{0} * {0})",
            "Math.Exp(0.5 * Math.Tanh({0}))", "Math.Sqrt(1 + {0} * {0})", "Math.Sqrt(2 + Math.Cos({0}))", "Math.Log(1 + {0} * {0})",
            "Math.Log(2 + Math.Sin({0}))", "(Math.Tanh({0}) * {0})",
        ];
    }
}
