# node-gyp build of the native addon. Each instruction-set variant of the hot kernels is its own
# static library compiled with its own -m flags, so the addon still loads and runs on CPUs
# without AVX2 or AVX-512: src/cpu.cc picks the variant at run time from CPUID.
{
  "target_defaults": {
    "cflags_cc!": ["-fno-exceptions", "-std=gnu++17", "-std=gnu++20"],
    "cflags_cc": ["-std=c++17", "-O3", "-fno-math-errno", "-ffp-contract=off", "-fexceptions", "-fvisibility=hidden"],
    "cflags!": ["-fno-exceptions"],
    "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")", "src"],
    "defines": ["NAPI_VERSION=8", "NAPI_CPP_EXCEPTIONS", "NODE_ADDON_API_DISABLE_DEPRECATED"],
    "conditions": [
      ["'<!(node -p \"process.env.TENSORBOOK_SANITIZE || ''\")'!=''", {
        "cflags_cc": ["-fsanitize=address,undefined", "-fno-omit-frame-pointer", "-g", "-O1"],
        "ldflags": ["-fsanitize=address,undefined"]
      }]
    ]
  },
  "targets": [
    {
      "target_name": "tb_generic",
      "type": "static_library",
      "defines": ["TB_ISA=generic"],
      "sources": ["src/gemm/kernel.cc", "src/ew/kernels.cc", "src/optim/kernels.cc", "src/linalg/qr.cc", "src/sk/sgd.cc", "src/sk/prep.cc"]
    },
    {
      "target_name": "tb_avx2",
      "type": "static_library",
      "defines": ["TB_ISA=avx2"],
      "cflags_cc": ["-mavx2", "-mfma"],
      "sources": ["src/gemm/kernel.cc", "src/ew/kernels.cc", "src/optim/kernels.cc", "src/linalg/qr.cc", "src/sk/sgd.cc", "src/sk/prep.cc"]
    },
    {
      "target_name": "tb_avx512",
      "type": "static_library",
      "defines": ["TB_ISA=avx512"],
      "cflags_cc": ["-mavx512f", "-mavx512vl", "-mavx512dq", "-mavx2", "-mfma", "-mprefer-vector-width=512"],
      "sources": ["src/gemm/kernel.cc", "src/ew/kernels.cc", "src/optim/kernels.cc", "src/linalg/qr.cc", "src/sk/sgd.cc", "src/sk/prep.cc"]
    },
    {
      "target_name": "tensorbook_native",
      "dependencies": ["tb_generic", "tb_avx2", "tb_avx512"],
      "conditions": [["OS=='linux'", {"ldflags": ["-Wl,--no-as-needed", "-lmvec", "-Wl,--as-needed"], "libraries": ["-ldl"]}]],
      "sources": [
        "src/addon.cc",
        "src/cpu.cc",
        "src/threadpool.cc",
        "src/gemm/driver.cc",
        "src/ew/dispatch.cc",
        "src/ew/reduce.cc",
        "src/nn/conv.cc",
        "src/nn/pool.cc",
        "src/optim/optim.cc",
        "src/linalg/dispatch.cc",
        "src/sk/dispatch.cc",
        "src/sk/tree.cc",
        "src/sk/tree-sort.cc",
        "src/bind/gemm.cc",
        "src/bind/elementwise.cc",
        "src/bind/nn.cc",
        "src/bind/optim.cc",
        "src/bind/cuda.cc",
        "src/bind/solvers.cc",
        "src/bind/trees.cc",
        "src/bind/memory.cc",
        "src/mem/pool.cc",
        "src/cuda/loader.cc",
        "src/cuda/device.cc",
        "src/cuda/allocator.cc",
        "src/cuda/transfer.cc",
        "src/cuda/module.cc",
        "src/cuda/ops.cc"
      ]
    }
  ]
}
