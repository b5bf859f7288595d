using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DeZero.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DeZero.Benchmarks;

/// <summary>
/// Case 5: the generator driven in process. Each category's baseline is <see cref="FloorGenerator"/> on the same input.
/// Targets: the full run of 1,000 methods under 2 s, the run after editing one method under 100 ms (and only that
/// method regenerated: see the <c>generator</c> mode), the 10,000-operation body under 1 s.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GeneratorBenchmarks
{
    private SyntaxTree[] _trees = [];
    private SyntaxTree _big = null!;
    private CSharpCompilation _editCompilation = null!;
    private GeneratorDriver _editDriver = null!;
    private CSharpCompilation _floorEditCompilation = null!;
    private GeneratorDriver _floorEditDriver = null!;
    private int _edit;
    private int _floorEdit;

    /// <summary>Parses the workload once; the edit benchmarks start from a driver that has done the full run.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _trees = GeneratorWorkload.ManyFiles();
        _big = GeneratorWorkload.BigTree();
        (_editCompilation, _editDriver) = Prime(new DifferentiableGenerator());
        (_floorEditCompilation, _floorEditDriver) = Prime(new FloorGenerator());
    }

    /// <summary>The floor generator on a fresh compilation of the 100 files.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("5 Full run, 1,000 methods")]
    public GeneratorDriver FullRunFloor() =>
        GeneratorWorkload.Driver(new FloorGenerator()).RunGenerators(GeneratorWorkload.Compile(_trees));

    /// <summary>DeZero's generator on a fresh compilation of the 100 files.</summary>
    [Benchmark, BenchmarkCategory("5 Full run, 1,000 methods")]
    public GeneratorDriver FullRunDeZero() =>
        GeneratorWorkload.Driver(new DifferentiableGenerator()).RunGenerators(GeneratorWorkload.Compile(_trees));

    /// <summary>
    /// The floor generator after one method's constant changed (alternating between two edits). Each edit is a new
    /// tree, as in the IDE; parsing that one file (well under a millisecond) is timed too, on both sides.
    /// </summary>
    [Benchmark(Baseline = true), BenchmarkCategory("5 Edit one method")]
    public GeneratorDriver EditFloor()
    {
        var next = GeneratorWorkload.EditedTree(1 + (_floorEdit++ & 1));
        _floorEditCompilation = _floorEditCompilation.ReplaceSyntaxTree(
            _floorEditCompilation.SyntaxTrees[GeneratorWorkload.EditedFile], next);
        return _floorEditDriver = _floorEditDriver.RunGenerators(_floorEditCompilation);
    }

    /// <summary>DeZero's generator after one method's constant changed (alternating between two edits; a new tree each time).</summary>
    [Benchmark, BenchmarkCategory("5 Edit one method")]
    public GeneratorDriver EditDeZero()
    {
        var next = GeneratorWorkload.EditedTree(1 + (_edit++ & 1));
        _editCompilation = _editCompilation.ReplaceSyntaxTree(_editCompilation.SyntaxTrees[GeneratorWorkload.EditedFile], next);
        return _editDriver = _editDriver.RunGenerators(_editCompilation);
    }

    /// <summary>The floor generator on the one 10,000-operation method.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("5 10,000-operation body")]
    public GeneratorDriver BigBodyFloor() =>
        GeneratorWorkload.Driver(new FloorGenerator()).RunGenerators(GeneratorWorkload.Compile(_big));

    /// <summary>DeZero's generator on the one 10,000-operation method.</summary>
    [Benchmark, BenchmarkCategory("5 10,000-operation body")]
    public GeneratorDriver BigBodyDeZero() =>
        GeneratorWorkload.Driver(new DifferentiableGenerator()).RunGenerators(GeneratorWorkload.Compile(_big));

    private (CSharpCompilation, GeneratorDriver) Prime(IIncrementalGenerator generator)
    {
        var compilation = GeneratorWorkload.Compile(_trees);
        return (compilation, GeneratorWorkload.Driver(generator).RunGenerators(compilation));
    }
}
