using System.Linq;
using DeZero.Generators.Model;

namespace DeZero.Generators.Emitting;

/// <summary>Writes the graph node of one [Differentiable] method: the class that runs it elementwise over arrays.</summary>
internal static class NodeEmitter
{
    private const string Function = "global::DeZero.Function";
    private const string NDArray = "global::DeZero.NDArray";
    private const string Elementwise = "global::DeZero.Elementwise";

    private const string ValuesKernel = GeneratedNames.NodeValuesKernel;
    private const string GradientKernel = GeneratedNames.NodeGradientKernel;

    public static void Write(SourceWriter writer, MethodSpec method, Block? lanes)
    {
        var inputs = MethodEmitter.Differentiated(method);
        var name = GeneratedNames.Node(method.Name);
        // Inside the node (its own docs included) a cref to the method could bind to one of the node's members
        // (a method named ForwardAll, say), so its docs name the method in plain text.
        writer.WriteLine($"/// <summary>The graph node of <c>{method.Name}</c>: the whole method is one node.</summary>");
        writer.OpenBlock($"{method.Accessibility} sealed class {name} : {Function}");
        foreach (var parameter in method.Parameters.Where(p => !p.IsDifferentiated))
        {
            writer.WriteLine($"/// <summary>The value of the int parameter <c>{parameter.Name}</c>.</summary>");
            writer.WriteLine($"public int {parameter.PropertyName} {{ get; init; }}");
            writer.WriteLine();
        }

        // Locals are numbered by input, so no parameter name can clash with them.
        var index = 0;
        var arguments = string.Join(", ", method.Parameters.Select(p =>
            p.IsDifferentiated ? $"x{index}[i * stride{index++}]" : p.PropertyName));
        var loads = string.Join(", ", inputs.Select((_, k) => $"{Elementwise}.Load(x{k}, stride{k}, i)"));

        writer.WriteLine("/// <summary>Evaluates the method elementwise over the inputs.</summary>");
        writer.OpenBlock($"public override {NDArray} ForwardAll({NDArray}[] xs)");
        WriteInputSpans(writer, name, inputs);
        writer.WriteLine("double[] y = global::System.GC.AllocateUninitializedArray<double>(n);");
        writer.WriteLine("int i = 0;");
        if (lanes is not null)
        {
            WriteLaneLoop(writer, $"{CSharpPrinter.Vector256}.CopyTo({ValuesKernel}({loads}), y, i);");
        }

        writer.OpenBlock("for (; i < n; i++)");
        writer.WriteLine($"y[i] = {CSharpPrinter.QualifiedType(method)}.{CSharpPrinter.Identifier(method.Name)}({arguments});");
        writer.CloseBlock();
        writer.WriteLine($"return {Elementwise}.Result(y, shape);");
        writer.CloseBlock();
        writer.WriteLine();

        // The partials are recomputed from the inputs rather than kept from the forward pass: one pass, and the
        // node holds no array between the passes (for large arrays, cheaper than writing and reading them back).
        var partials = string.Join(", ", new[] { "_" }.Concat(inputs.Select((_, k) => "d" + k)));
        writer.WriteLine("/// <summary>The gradient of every input: the output gradient times each partial derivative, recomputed from the inputs.</summary>");
        writer.OpenBlock($"public override {NDArray}[] BackwardAll({NDArray} gy)");
        writer.WriteLine($"{NDArray}[] xs = new {NDArray}[{inputs.Length}];");
        writer.OpenBlock("for (int k = 0; k < xs.Length; k++)");
        writer.WriteLine("xs[k] = Inputs[k].Data;");
        writer.CloseBlock();
        WriteInputSpans(writer, name, inputs);
        writer.WriteLine("global::System.ReadOnlySpan<double> g = gy.AsSpan();");
        writer.WriteLine($"int gStride = {Elementwise}.Stride(gy);");
        for (var k = 0; k < inputs.Length; k++)
        {
            writer.WriteLine($"double[] gx{k} = {Elementwise}.GradientBuffer(xs[{k}], n);");
        }

        writer.WriteLine("int i = 0;");
        if (lanes is not null)
        {
            var stores = inputs.Select((_, k) => $"{CSharpPrinter.Vector256}.CopyTo(gi * d{k}, gx{k}, i);");
            WriteLaneLoop(writer, [$"var ({partials}) = {GradientKernel}({loads});", $"var gi = {Elementwise}.Load(g, gStride, i);", .. stores]);
        }

        writer.OpenBlock("for (; i < n; i++)");
        writer.WriteLine($"var ({partials}) = {CSharpPrinter.QualifiedType(method)}.{CSharpPrinter.Identifier(GeneratedNames.WithGradient(method.Name))}({arguments});");
        writer.WriteLine("double gi = g[i * gStride];");
        for (var k = 0; k < inputs.Length; k++)
        {
            writer.WriteLine($"gx{k}[i] = gi * d{k};");
        }

        writer.CloseBlock();
        var gradients = string.Join(", ", inputs.Select((_, k) => $"{Elementwise}.Gradient(gx{k}, n, xs[{k}])"));
        writer.WriteLine($"return new {NDArray}[] {{ {gradients} }};");
        writer.CloseBlock();
        if (lanes is not null)
        {
            writer.WriteLine();
            WriteLaneKernels(writer, method, lanes);
        }

        writer.CloseBlock();
    }

    private const string Lane = CSharpPrinter.Vector256 + "<double>";

    /// <summary>Whole vectors of elements through a SIMD kernel; the scalar loop after it takes the rest.</summary>
    private static void WriteLaneLoop(SourceWriter writer, params string[] body)
    {
        writer.OpenBlock($"if ({CSharpPrinter.Vector256}.IsHardwareAccelerated)");
        writer.OpenBlock($"for (; i <= n - {Lane}.Count; i += {Lane}.Count)");
        foreach (var line in body)
        {
            writer.WriteLine(line);
        }

        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();
    }

    /// <summary>The method, and its value-and-gradient program, again on four elements at once.</summary>
    private static void WriteLaneKernels(SourceWriter writer, MethodSpec method, Block gradientBody)
    {
        var parameters = string.Join(", ", method.Parameters.Select(p => $"{Lane} {CSharpPrinter.Identifier(p.Name)}"));
        writer.WriteLine($"/// <summary><c>{method.Name}</c> on SIMD lanes.</summary>");
        writer.OpenBlock($"private static {Lane} {ValuesKernel}({parameters})");
        CSharpPrinter.Lanes.WriteAll(writer, method.Body);
        writer.CloseBlock();
        writer.WriteLine();

        var tuple = string.Join(", ", new[] { $"{Lane} Value" }.Concat(MethodEmitter.Differentiated(method).Select(p => $"{Lane} {p.PartialName}")));
        writer.WriteLine($"/// <summary><c>{method.Name}</c> and its partial derivatives on SIMD lanes.</summary>");
        writer.OpenBlock($"private static ({tuple}) {GradientKernel}({parameters})");
        CSharpPrinter.Lanes.WriteAll(writer, gradientBody);
        writer.CloseBlock();
    }

    /// <summary>The common shape, its element count n, and each input's elements with their stride (0 for a 0-d input).</summary>
    private static void WriteInputSpans(SourceWriter writer, string node, ParameterSpec[] inputs)
    {
        writer.WriteLine($"int[] shape = {Elementwise}.Shape(\"{node}\", xs, {inputs.Length});");
        writer.WriteLine($"int n = {Elementwise}.Size(shape);");
        for (var k = 0; k < inputs.Length; k++)
        {
            writer.WriteLine($"global::System.ReadOnlySpan<double> x{k} = xs[{k}].AsSpan();");
            writer.WriteLine($"int stride{k} = {Elementwise}.Stride(xs[{k}]);");
        }
    }
}
