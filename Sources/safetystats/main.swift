print("safetystats")
