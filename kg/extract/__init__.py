"""Rules over sentences: entity candidates (`entities`), years (`years`) and relations (`relations`)."""
