"""低收入人口 monitoring page: the low-income register, monthly key-group visit plans, the
quick visit record and the visit figures."""
