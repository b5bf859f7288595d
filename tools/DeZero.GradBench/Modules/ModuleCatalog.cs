using System.Collections.Generic;
using System.Linq;

namespace DeZero.GradBench.Modules;

/// <summary>The modules this tool defines, by name.</summary>
internal static class ModuleCatalog
{
    /// <summary>Every module, in name order (the order of <c>evals.txt</c>).</summary>
    public static IReadOnlyList<Module> All { get; } =
        new Module[] { new DetModule(), new GmmModule(), new HelloModule(), new LlsqModule(), new LseModule(), new LstmModule(), new OdeModule() }
            .OrderBy(m => m.Name, System.StringComparer.Ordinal)
            .ToArray();

    /// <summary>The module named <paramref name="name"/>, or null.</summary>
    public static Module? Find(string name) => All.FirstOrDefault(m => m.Name == name);
}
