using System.Collections.Generic;
using System.Linq;
using DeZero.Generators.Model;

namespace DeZero.Generators.Emitting;

/// <summary>
/// Writes the members of a method with a span or array parameter: <c>…WithGradient</c> into spans, the same allocating,
/// the graph overload, and the node, which also holds the method's two reverse-mode sweeps.
/// </summary>
internal static class ArrayMethodEmitter
{
    private const string Function = "global::DeZero.Function";
    private const string NDArray = "global::DeZero.NDArray";
    private const string Variable = "global::DeZero.Variable";
    private const string Tape = "global::DeZero.CompilerServices.Tape";
    private const string Checks = "global::DeZero.CompilerServices.ArrayMethods";

    public static void Write(SourceWriter writer, MethodSpec method, ReverseSpec reverse)
    {
        WriteGradientIntoSpans(writer, method);
        writer.WriteLine();
        WriteAllocatingGradient(writer, method);
        writer.WriteLine();
        WriteGraphOverload(writer, method);
        writer.WriteLine();
        WriteNode(writer, method, reverse);
    }

    private static ParameterSpec[] Differentiated(MethodSpec method) => method.Parameters.Where(p => p.IsDifferentiated).ToArray();

    private static string Id(string name) => CSharpPrinter.Identifier(name);

    private static string Cref(MethodSpec method) =>
        $"{Id(method.Name)}({string.Join(", ", method.Parameters.Select(p => CrefType(p)))})";

    private static string CrefType(ParameterSpec parameter) => parameter.Form switch
    {
        ArrayForm.ReadOnlySpan => $"System.ReadOnlySpan{{{Element(parameter)}}}",
        _ => CSharpPrinter.Keyword(parameter.Kind),
    };

    private static string Element(ParameterSpec parameter) => parameter.Kind == ValueKind.IntArray ? "int" : "double";

    /// <summary>A parameter's type as the user declared it.</summary>
    private static string Declared(ParameterSpec parameter) => parameter.Form switch
    {
        ArrayForm.ReadOnlySpan => $"global::System.ReadOnlySpan<{Element(parameter)}>",
        _ => CSharpPrinter.Keyword(parameter.Kind),
    };

    /// <summary>A parameter's type in the sweeps: every sequence of doubles a read-only span; an <c>int[]</c>, which may be written, a span.</summary>
    private static string InSweeps(ParameterSpec parameter) => (parameter.Kind, parameter.Form) switch
    {
        (ValueKind.DoubleArray, _) => "global::System.ReadOnlySpan<double>",
        (ValueKind.IntArray, ArrayForm.Array) => "global::System.Span<int>",
        (ValueKind.IntArray, _) => "global::System.ReadOnlySpan<int>",
        _ => CSharpPrinter.Keyword(parameter.Kind),
    };

    private static string Parameters(MethodSpec method, System.Func<ParameterSpec, string> type) =>
        string.Join(", ", method.Parameters.Select(p => $"{type(p)} {Id(p.Name)}"));

    private static string Arguments(MethodSpec method) => string.Join(", ", method.Parameters.Select(p => Id(p.Name)));

    /// <summary>A local name that no parameter has.</summary>
    private static string Local(MethodSpec method, string stem)
    {
        var name = stem;
        for (var i = 1; method.Parameters.Any(p => p.Name == name || p.GradientArgumentName == name); i++)
        {
            name = stem + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    private static void WriteGradientIntoSpans(SourceWriter writer, MethodSpec method)
    {
        var differentiated = Differentiated(method);
        var gradients = differentiated.Select(p => p.IsArray ? $"global::System.Span<double> {Id(p.GradientArgumentName)}" : $"out double {Id(p.GradientArgumentName)}");
        writer.WriteLine($"/// <summary>The value of <see cref=\"{Cref(method)}\"/> and its gradient, written into the gradient arguments (overwritten, not added to).</summary>");
        foreach (var parameter in method.Parameters)
        {
            writer.WriteLine($"/// <param name=\"{parameter.Name}\">The method's <c>{parameter.Name}</c>.</param>");
        }

        foreach (var parameter in differentiated)
        {
            var what = parameter.IsArray ? $"one element per element of <paramref name=\"{parameter.Name}\"/>" : "a number";
            writer.WriteLine($"/// <param name=\"{parameter.GradientArgumentName}\">Receives ∂{method.Name}/∂{parameter.Name}: {what}.</param>");
        }

        writer.WriteLine($"/// <returns>The value of <c>{method.Name}</c>, bit for bit.</returns>");
        writer.WriteLine("/// <exception cref=\"global::System.ArgumentException\">A gradient span's length differs from its parameter's, or it overlaps an input.</exception>");
        writer.OpenBlock($"{method.Accessibility} static double {Id(GeneratedNames.WithGradient(method.Name))}({Parameters(method, Declared)}, {string.Join(", ", gradients)})");
        WriteNullChecks(writer, method);
        var inputs = method.Parameters.Where(p => p.Kind == ValueKind.DoubleArray).ToArray();
        foreach (var parameter in differentiated.Where(p => p.IsArray))
        {
            var gradient = Id(parameter.GradientArgumentName);
            writer.WriteLine($"{Checks}.CheckGradient({gradient}, {Id(parameter.Name)}, \"{parameter.GradientArgumentName}\", \"{parameter.Name}\");");
            foreach (var input in inputs)
            {
                writer.WriteLine($"{Checks}.CheckDisjoint({gradient}, {Id(input.Name)}, \"{parameter.GradientArgumentName}\", \"{input.Name}\");");
            }
        }

        foreach (var parameter in differentiated)
        {
            writer.WriteLine(parameter.IsArray ? $"{Id(parameter.GradientArgumentName)}.Clear();" : $"{Id(parameter.GradientArgumentName)} = 0.0;");
        }

        var tape = Local(method, "tape");
        var value = Local(method, "value");
        var node = Id(GeneratedNames.Node(method.Name));
        var adjoints = differentiated.Select(p => p.IsArray ? Id(p.GradientArgumentName) : "ref " + Id(p.GradientArgumentName));
        writer.WriteLine($"{Tape} {tape} = {Tape}.Rent();");
        writer.WriteLine($"double {value} = {node}.{GeneratedNames.SweepForward}({Arguments(method)}, {tape});");
        writer.WriteLine($"{node}.{GeneratedNames.SweepReverse}({Arguments(method)}, {tape}, 1.0, {string.Join(", ", adjoints)});");
        writer.WriteLine($"{Tape}.Return({tape});");
        writer.WriteLine($"return {value};");
        writer.CloseBlock();
    }

    private static void WriteNullChecks(SourceWriter writer, MethodSpec method)
    {
        foreach (var parameter in method.Parameters.Where(p => p.Form == ArrayForm.Array))
        {
            writer.WriteLine($"global::System.ArgumentNullException.ThrowIfNull({Id(parameter.Name)});");
        }
    }

    private static void WriteAllocatingGradient(SourceWriter writer, MethodSpec method)
    {
        var differentiated = Differentiated(method);
        var tuple = string.Join(", ", new[] { "double Value" }.Concat(differentiated.Select(p => $"{(p.IsArray ? "double[]" : "double")} {p.PartialName}")));
        writer.WriteLine($"/// <summary>The value of <see cref=\"{Cref(method)}\"/> and its gradient, in new arrays.</summary>");
        writer.OpenBlock($"{method.Accessibility} static ({tuple}) {Id(GeneratedNames.WithGradient(method.Name))}({Parameters(method, Declared)})");
        WriteNullChecks(writer, method);
        foreach (var parameter in differentiated.Where(p => p.IsArray))
        {
            writer.WriteLine($"double[] {Id(parameter.GradientArgumentName)} = new double[{Id(parameter.Name)}.Length];");
        }

        var value = Local(method, "value");
        var gradients = differentiated.Select(p => p.IsArray ? Id(p.GradientArgumentName) : $"out double {Id(p.GradientArgumentName)}");
        writer.WriteLine($"double {value} = {Id(GeneratedNames.WithGradient(method.Name))}({Arguments(method)}, {string.Join(", ", gradients)});");
        writer.WriteLine($"return ({string.Join(", ", differentiated.Select(p => Id(p.GradientArgumentName)).Prepend(value))});");
        writer.CloseBlock();
    }

    /// <summary>The graph overload's type of a parameter: a variable where differentiated, data otherwise.</summary>
    private static string InGraph(ParameterSpec parameter) =>
        parameter.IsDifferentiated ? Variable
        : parameter.Kind == ValueKind.DoubleArray ? NDArray
        : Declared(parameter);

    /// <summary>The node's property of a parameter that is not an input: an <c>int[]</c> or int span is kept as an array of its own.</summary>
    private static string PropertyType(ParameterSpec parameter) =>
        parameter.Kind == ValueKind.DoubleArray ? NDArray
        : parameter.Kind == ValueKind.IntArray ? "int[]"
        : CSharpPrinter.Keyword(parameter.Kind);

    private static void WriteGraphOverload(SourceWriter writer, MethodSpec method)
    {
        var inputs = string.Join(", ", Differentiated(method).Select(p => Id(p.Name)));
        var data = string.Join(", ", method.Parameters.Where(p => !p.IsDifferentiated).Select(p => Id(p.Name)));
        writer.WriteLine($"/// <summary><see cref=\"{Cref(method)}\"/> as one node of the computational graph; its output is 0-d.</summary>");
        writer.WriteLine($"{method.Accessibility} static {Variable} {Id(method.Name)}({Parameters(method, InGraph)}) => new {Id(GeneratedNames.Node(method.Name))}({data}).Call({inputs});");
    }

    private static void WriteNode(SourceWriter writer, MethodSpec method, ReverseSpec reverse)
    {
        var node = GeneratedNames.Node(method.Name);
        var inputs = Differentiated(method);
        var data = method.Parameters.Where(p => !p.IsDifferentiated).ToArray();
        writer.WriteLine($"/// <summary>The graph node of <c>{method.Name}</c>: the whole method is one node, with a 0-d output.</summary>");
        writer.WriteLine(MethodEmitter.GeneratedCodeAttribute);
        writer.OpenBlock($"{method.Accessibility} sealed class {Id(node)} : {Function}");

        writer.WriteLine("/// <summary>Creates the node with the arguments that are data, not inputs.</summary>");
        writer.OpenBlock($"public {Id(node)}({string.Join(", ", data.Select(p => $"{InGraph(p)} {Id(p.Name)}"))})");
        foreach (var parameter in data)
        {
            var name = Id(parameter.Name);
            writer.WriteLine(parameter.Kind switch
            {
                ValueKind.DoubleArray => $"{parameter.PropertyName} = {name} ?? throw new global::System.ArgumentNullException(nameof({name}));",
                ValueKind.IntArray when parameter.Form == ArrayForm.Array => $"{parameter.PropertyName} = (int[])({name} ?? throw new global::System.ArgumentNullException(nameof({name}))).Clone();",
                ValueKind.IntArray => $"{parameter.PropertyName} = {name}.ToArray();",
                _ => $"{parameter.PropertyName} = {name};",
            });
        }

        writer.CloseBlock();
        foreach (var parameter in data)
        {
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The argument <c>{parameter.Name}</c>.</summary>");
            writer.WriteLine($"public {PropertyType(parameter)} {parameter.PropertyName} {{ get; }}");
        }

        var index = 0;
        var positions = inputs.ToDictionary(p => p.Name, _ => index++);

        // An argument from the inputs' data or the node's properties. The method itself takes a double[] as declared: it
        // gets the array's own elements, which it cannot write (writing a double[] parameter is refused).
        string Argument(ParameterSpec p, bool declared)
        {
            var source = positions.TryGetValue(p.Name, out var k) ? $"xs[{k}]" : p.PropertyName;
            return p.Kind switch
            {
                ValueKind.DoubleArray when declared && p.Form == ArrayForm.Array => $"{Checks}.Elements({source})",
                ValueKind.DoubleArray => $"{source}.AsSpan()",
                ValueKind.Double when positions.ContainsKey(p.Name) => $"{Checks}.Scalar({source}, \"{p.Name}\", \"{node}\")",
                _ => source,
            };
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>Evaluates the method on the inputs' data.</summary>");
        writer.OpenBlock($"public override {NDArray} ForwardAll({NDArray}[] xs)");
        writer.WriteLine($"{Checks}.CheckInputs(xs, {inputs.Length}, \"{node}\");");
        writer.WriteLine($"return {CSharpPrinter.QualifiedType(method)}.{Id(method.Name)}({string.Join(", ", method.Parameters.Select(p => Argument(p, declared: true)))});");
        writer.CloseBlock();

        writer.WriteLine();
        writer.WriteLine("/// <summary>The gradient of every input: both sweeps, seeded with the output's gradient.</summary>");
        writer.OpenBlock($"public override {NDArray}[] BackwardAll({NDArray} gy)");
        writer.WriteLine($"{NDArray}[] xs = new {NDArray}[{inputs.Length}];");
        writer.OpenBlock("for (int k = 0; k < xs.Length; k++)");
        writer.WriteLine("xs[k] = Inputs[k].Data;");
        writer.CloseBlock();
        for (var k = 0; k < inputs.Length; k++)
        {
            writer.WriteLine(inputs[k].IsArray ? $"double[] g{k} = new double[xs[{k}].Size];" : $"double g{k} = 0.0;");
        }

        var arguments = string.Join(", ", method.Parameters.Select(p => Argument(p, declared: false)));
        var adjoints = string.Join(", ", inputs.Select((p, k) => p.IsArray ? $"g{k}" : $"ref g{k}"));
        writer.WriteLine($"{Tape} tape = {Tape}.Rent();");
        writer.WriteLine($"{GeneratedNames.SweepForward}({arguments}, tape);");
        writer.WriteLine($"{GeneratedNames.SweepReverse}({arguments}, tape, gy.Item(), {adjoints});");
        writer.WriteLine($"{Tape}.Return(tape);");
        var gradients = inputs.Select((p, k) => p.IsArray ? $"{Checks}.Gradient(g{k}, xs[{k}])" : $"g{k}");
        writer.WriteLine($"return new {NDArray}[] {{ {string.Join(", ", gradients)} }};");
        writer.CloseBlock();

        writer.WriteLine();
        writer.WriteLine($"/// <summary>For generated code: <c>{method.Name}</c>'s value, recording on <paramref name=\"{reverse.Tape}\"/> what <see cref=\"{GeneratedNames.SweepReverse}\"/> needs.</summary>");
        writer.WriteLine("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.OpenBlock($"public static double {GeneratedNames.SweepForward}({Parameters(method, InSweeps)}, {Tape} {Id(reverse.Tape)})");
        CSharpPrinter.Sweep(reverse.Cursor).WriteAll(writer, reverse.Forward);
        writer.CloseBlock();

        var gradientParameters = inputs.Select(p => p.IsArray ? $"global::System.Span<double> {Id(p.GradientArgumentName)}" : $"ref double {Id(p.GradientArgumentName)}");
        writer.WriteLine();
        writer.WriteLine($"/// <summary>For generated code: adds <paramref name=\"{reverse.Seed}\"/> times <c>{method.Name}</c>'s gradient into the gradient arguments, from what <see cref=\"{GeneratedNames.SweepForward}\"/> recorded.</summary>");
        writer.WriteLine("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.OpenBlock($"public static void {GeneratedNames.SweepReverse}({Parameters(method, InSweeps)}, {Tape} {Id(reverse.Tape)}, double {Id(reverse.Seed)}, {string.Join(", ", gradientParameters)})");
        CSharpPrinter.Sweep(reverse.Cursor).WriteAll(writer, reverse.Reverse);
        writer.CloseBlock();

        writer.CloseBlock();
    }
}
