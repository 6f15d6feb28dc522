print("bnc")
